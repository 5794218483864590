/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of ifdefer_defer.c in ISO/IEC TS 25755: the conditional defer
   becomes a function-level one that tests the resource.  */
__attribute__((noinline)) int
ifdefer_ts (unsigned in, int x)
{
  int t = 0;
  res *a = 0;
  if (in & 0x200u)
    {
      a = acquire (7, in);
      if (!a)
        return -1;
    }
  _Defer
    {
      if (a)
        {
          t = 0;
          release (a);
        }
    }
  int v = ({
    res *r = acquire (10, in);
    int w = 1;
    if (r)
      {
        _Defer release (r);
        w = use (r, x);
      }
    w;
  });
  t += v;
  res *b = acquire (13, in);
  if (!b)
    return -2;
  _Defer
    {
      if (check (in, 0))
        t++;
      release (b);
    }
  t += use (b, v & 0xffff);
  if (a)
    t += use (a, 1);
  return t;
}
