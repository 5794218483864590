/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* The first resource is only taken when bit 15 of IN is set.  */
__attribute__((noinline)) int
cond_goto (unsigned in, int x)
{
  int rc;
  res *a = 0, *b;
  if (in & 0x8000u)
    {
      a = acquire (0, in);
      if (!a)
        return -1;
    }
  b = acquire (1, in);
  if (!b)
    {
      rc = -2;
      goto out_a;
    }
  rc = use (b, x);
  if (a)
    rc += use (a, rc);
  release (b);
out_a:
  if (a)
    release (a);
  return rc;
}
