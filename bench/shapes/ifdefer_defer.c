/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Template 2 of bench/gen-defer-heavy (function f1): a defer inside an
   `if` with a compound deferred body that writes a local, a defer in a
   statement expression, and a compound deferred body with a test.  */
__attribute__((noinline)) int
ifdefer_defer (unsigned in, int x)
{
  int t = 0;
  res *a = 0;
  if (in & 0x200u)
    {
      a = acquire (7, in);
      if (!a)
        return -1;
      defer
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
        defer release (r);
        w = use (r, x);
      }
    w;
  });
  t += v;
  res *b = acquire (13, in);
  if (!b)
    return -2;
  defer
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
