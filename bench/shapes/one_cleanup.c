/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of one_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
one_cleanup (unsigned in, int x)
{
  AUTO_RES a = acquire (0, in);
  if (!a)
    return -1;
  return use (a, x);
}
