/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of two_defer.c in ISO/IEC TS 25755 (clang -fdefer-ts): every
   block is a scope, the function body is the one here.  */
__attribute__((noinline)) int
two_ts (unsigned in, int x)
{
  res *a = acquire (0, in);
  if (!a)
    return -1;
  _Defer release (a);
  res *b = acquire (1, in);
  if (!b)
    return -1;
  _Defer release (b);
  int rc = use (a, x);
  rc += use (b, x);
  return rc;
}
