/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of loop_defer.c in ISO/IEC TS 25755: the loop body is a block,
   hence a scope.  */
__attribute__((noinline)) int
loop_ts (unsigned in, int x)
{
  int sum = 0;
  int n = 1 + (x & 7);
  for (int i = 0; i < n; i++)
    {
      res *r = acquire (i, in);
      if (!r)
        continue;
      _Defer release (r);
      if (check (in, i))
        break;
      sum += use (r, i);
    }
  return sum;
}
