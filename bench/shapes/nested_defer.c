/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Nested scopes; a goto out of the inner scope; returns from inside both.  */
__attribute__((noinline)) int
nested_defer (unsigned in, int x)
{
  int t;
  res *a = acquire (0, in);
  if (!a)
    return -1;
  defer release (a);
  scope
    {
      res *b = acquire (1, in);
      if (!b)
        return -2;
      defer release (b);
      t = use (b, x);
      scope
        {
          res *c = acquire (2, in);
          if (!c)
            goto skip;
          defer release (c);
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
