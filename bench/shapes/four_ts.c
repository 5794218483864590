/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of four_defer.c in ISO/IEC TS 25755 (clang -fdefer-ts): every
   block is a scope, the function body is the one here.  */
__attribute__((noinline)) int
four_ts (unsigned in, int x)
{
  res *a = acquire (0, in);
  if (!a)
    return -1;
  _Defer release (a);
  res *b = acquire (1, in);
  if (!b)
    return -1;
  _Defer release (b);
  res *c = acquire (2, in);
  if (!c)
    return -1;
  _Defer release (c);
  res *d = acquire (3, in);
  if (!d)
    return -1;
  _Defer release (d);
  int rc = use (a, x);
  rc += use (b, rc);
  rc += use (c, rc);
  rc += use (d, rc);
  return rc;
}
