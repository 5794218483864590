/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* One resource per iteration, released at the end of the iteration, also
   on 'continue' and 'break'.  */
__attribute__((noinline)) int
loop_goto (unsigned in, int x)
{
  int sum = 0;
  int n = 1 + (x & 7);
  for (int i = 0; i < n; i++)
    {
      res *r = acquire (i, in);
      if (!r)
        continue;
      if (check (in, i))
        {
          release (r);
          break;
        }
      sum += use (r, i);
      release (r);
    }
  return sum;
}
