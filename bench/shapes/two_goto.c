/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

__attribute__((noinline)) int
two_goto (unsigned in, int x)
{
  int rc = -1;
  res *a, *b;
  a = acquire (0, in);
  if (!a)
    goto out;
  b = acquire (1, in);
  if (!b)
    goto out_a;
  rc = use (a, x);
  rc += use (b, x);
  release (b);
out_a:
  release (a);
out:
  return rc;
}
