/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Several error checks between the acquisitions, each with its own
   return value.  */
__attribute__((noinline)) int
early_goto (unsigned in, int x)
{
  int rc, t;
  res *a, *b, *c;
  if (check (in, 0))
    return -1;
  a = acquire (0, in);
  if (!a)
    return -2;
  if (check (in, 1))
    {
      rc = -3;
      goto out_a;
    }
  t = use (a, x);
  if ((t & 1) && check (in, 2))
    {
      rc = t;
      goto out_a;
    }
  b = acquire (1, in);
  if (!b)
    {
      rc = -4;
      goto out_a;
    }
  if (check (in, 3))
    {
      rc = -5;
      goto out_b;
    }
  t += use (b, t);
  if (check (in, 4))
    {
      rc = t;
      goto out_b;
    }
  c = acquire (2, in);
  if (!c)
    {
      rc = -6;
      goto out_b;
    }
  if (check (in, 5))
    {
      rc = -7;
      goto out_c;
    }
  rc = t + use (c, t);
out_c:
  release (c);
out_b:
  release (b);
out_a:
  release (a);
  return rc;
}
