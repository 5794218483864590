/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Template 2 of bench/gen-defer-heavy (function f1), lowered by hand.  */
__attribute__((noinline)) int
ifdefer_goto (unsigned in, int x)
{
  int rc;
  int t = 0;
  res *a = 0, *b;
  if (in & 0x200u)
    {
      a = acquire (7, in);
      if (!a)
        return -1;
    }
  int v = ({
    res *r = acquire (10, in);
    int w = 1;
    if (r)
      {
        w = use (r, x);
        release (r);
      }
    w;
  });
  t += v;
  b = acquire (13, in);
  if (!b)
    {
      rc = -2;
      goto out_a;
    }
  t += use (b, v & 0xffff);
  if (a)
    t += use (a, 1);
  rc = t;
  if (check (in, 0))
    t++;
  release (b);
out_a:
  if (a)
    {
      t = 0;
      release (a);
    }
  return rc;
}
