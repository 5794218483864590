/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of nested_defer.c with __attribute__((cleanup)).  */
__attribute__((noinline)) int
nested_cleanup (unsigned in, int x)
{
  int t;
  AUTO_RES a = acquire (0, in);
  if (!a)
    return -1;
  {
    AUTO_RES b = acquire (1, in);
    if (!b)
      return -2;
    t = use (b, x);
    {
      AUTO_RES c = acquire (2, in);
      if (!c)
        goto skip;
      if (check (in, 0))
        return -3;
      t += use (c, t);
    }
  skip:
    t += use (b, 1);
  }
  if (check (in, 1))
    return -4;
  return t + use (a, 2);
}
