/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* One resource per iteration, released at the end of the iteration, also
   on 'continue' and 'break'.  */
__attribute__((noinline)) int
loop_defer (unsigned in, int x)
{
  int sum = 0;
  int n = 1 + (x & 7);
  for (int i = 0; i < n; i++) scope
    {
      res *r = acquire (i, in);
      if (!r)
        continue;
      defer release (r);
      if (check (in, i))
        break;
      sum += use (r, i);
    }
  return sum;
}
