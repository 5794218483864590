/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of cond_defer.c in ISO/IEC TS 25755: a defer in the if block would
   run at its end, so the function-level defer tests the resource.  */
__attribute__((noinline)) int
cond_ts (unsigned in, int x)
{
  res *a = 0;
  if (in & 0x8000u)
    {
      a = acquire (0, in);
      if (!a)
        return -1;
    }
  _Defer if (a) release (a);
  res *b = acquire (1, in);
  if (!b)
    return -2;
  _Defer release (b);
  int rc = use (b, x);
  if (a)
    rc += use (a, rc);
  return rc;
}
