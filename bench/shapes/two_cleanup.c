/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of two_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
two_cleanup (unsigned in, int x)
{
  AUTO_RES a = acquire (0, in);
  if (!a)
    return -1;
  AUTO_RES b = acquire (1, in);
  if (!b)
    return -1;
  int rc = use (a, x);
  rc += use (b, x);
  return rc;
}
