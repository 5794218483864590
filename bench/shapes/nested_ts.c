/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of nested_defer.c in ISO/IEC TS 25755: plain blocks are scopes.  */
__attribute__((noinline)) int
nested_ts (unsigned in, int x)
{
  int t;
  res *a = acquire (0, in);
  if (!a)
    return -1;
  _Defer release (a);
  {
    res *b = acquire (1, in);
    if (!b)
      return -2;
    _Defer release (b);
    t = use (b, x);
    {
      res *c = acquire (2, in);
      if (!c)
        goto skip;
      _Defer release (c);
      if (check (in, 0))
        return -3;
      t += use (c, t);
    }
  skip:
    t += use (b, 1);
  }
  if (check (in, 1))
    return -4;
  return t + use (a, 2);
}
