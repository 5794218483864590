/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of four_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
four_cleanup (unsigned in, int x)
{
  AUTO_RES a = acquire (0, in);
  if (!a)
    return -1;
  AUTO_RES b = acquire (1, in);
  if (!b)
    return -1;
  AUTO_RES c = acquire (2, in);
  if (!c)
    return -1;
  AUTO_RES d = acquire (3, in);
  if (!d)
    return -1;
  int rc = use (a, x);
  rc += use (b, rc);
  rc += use (c, rc);
  rc += use (d, rc);
  return rc;
}
