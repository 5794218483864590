/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* The first resource is only taken when bit 15 of IN is set.  */
__attribute__((noinline)) int
cond_defer (unsigned in, int x)
{
  res *a = 0;
  if (in & 0x8000u)
    {
      a = acquire (0, in);
      if (!a)
        return -1;
      defer release (a);
    }
  res *b = acquire (1, in);
  if (!b)
    return -2;
  defer release (b);
  int rc = use (b, x);
  if (a)
    rc += use (a, rc);
  return rc;
}
