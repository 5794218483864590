/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of early_defer.c in ISO/IEC TS 25755 (clang -fdefer-ts): every
   block is a scope, the function body is the one here.  */
__attribute__((noinline)) int
early_ts (unsigned in, int x)
{
  if (check (in, 0))
    return -1;
  res *a = acquire (0, in);
  if (!a)
    return -2;
  _Defer release (a);
  if (check (in, 1))
    return -3;
  int t = use (a, x);
  if ((t & 1) && check (in, 2))
    return t;
  res *b = acquire (1, in);
  if (!b)
    return -4;
  _Defer release (b);
  if (check (in, 3))
    return -5;
  t += use (b, t);
  if (check (in, 4))
    return t;
  res *c = acquire (2, in);
  if (!c)
    return -6;
  _Defer release (c);
  if (check (in, 5))
    return -7;
  return t + use (c, t);
}
