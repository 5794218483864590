/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

__attribute__((noinline)) int
four_defer (unsigned in, int x)
{
  res *a = acquire (0, in);
  if (!a)
    return -1;
  defer release (a);
  res *b = acquire (1, in);
  if (!b)
    return -1;
  defer release (b);
  res *c = acquire (2, in);
  if (!c)
    return -1;
  defer release (c);
  res *d = acquire (3, in);
  if (!d)
    return -1;
  defer release (d);
  int rc = use (a, x);
  rc += use (b, rc);
  rc += use (c, rc);
  rc += use (d, rc);
  return rc;
}
