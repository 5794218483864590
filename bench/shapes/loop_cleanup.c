/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of loop_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
loop_cleanup (unsigned in, int x)
{
  int sum = 0;
  int n = 1 + (x & 7);
  for (int i = 0; i < n; i++)
    {
      AUTO_RES r = acquire (i, in);
      if (!r)
        continue;
      if (check (in, i))
        break;
      sum += use (r, i);
    }
  return sum;
}
