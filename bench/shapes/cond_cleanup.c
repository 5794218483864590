/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of cond_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
cond_cleanup (unsigned in, int x)
{
  AUTO_RES a = 0;
  if (in & 0x8000u)
    {
      a = acquire (0, in);
      if (!a)
        return -1;
    }
  AUTO_RES b = acquire (1, in);
  if (!b)
    return -2;
  int rc = use (b, x);
  if (a)
    rc += use (a, rc);
  return rc;
}
