/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of early_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
early_cleanup (unsigned in, int x)
{
  if (check (in, 0))
    return -1;
  AUTO_RES a = acquire (0, in);
  if (!a)
    return -2;
  if (check (in, 1))
    return -3;
  int t = use (a, x);
  if ((t & 1) && check (in, 2))
    return t;
  AUTO_RES b = acquire (1, in);
  if (!b)
    return -4;
  if (check (in, 3))
    return -5;
  t += use (b, t);
  if (check (in, 4))
    return t;
  AUTO_RES c = acquire (2, in);
  if (!c)
    return -6;
  if (check (in, 5))
    return -7;
  return t + use (c, t);
}
