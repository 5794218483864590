/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

__attribute__((noinline)) int
one_goto (unsigned in, int x)
{
  int rc = -1;
  res *a = acquire (0, in);
  if (!a)
    goto out;
  rc = use (a, x);
  release (a);
out:
  return rc;
}
