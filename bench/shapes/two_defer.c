/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

__attribute__((noinline)) int
two_defer (unsigned in, int x)
{
  res *a = acquire (0, in);
  if (!a)
    return -1;
  defer release (a);
  res *b = acquire (1, in);
  if (!b)
    return -1;
  defer release (b);
  int rc = use (a, x);
  rc += use (b, x);
  return rc;
}
