/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

__attribute__((noinline)) int
four_goto (unsigned in, int x)
{
  int rc = -1;
  res *a, *b, *c, *d;
  a = acquire (0, in);
  if (!a)
    goto out;
  b = acquire (1, in);
  if (!b)
    goto out_a;
  c = acquire (2, in);
  if (!c)
    goto out_b;
  d = acquire (3, in);
  if (!d)
    goto out_c;
  rc = use (a, x);
  rc += use (b, rc);
  rc += use (c, rc);
  rc += use (d, rc);
  release (d);
out_c:
  release (c);
out_b:
  release (b);
out_a:
  release (a);
out:
  return rc;
}
