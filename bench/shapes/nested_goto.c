/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Nested scopes; a goto out of the inner scope; returns from inside both.  */
__attribute__((noinline)) int
nested_goto (unsigned in, int x)
{
  int rc, t;
  res *a, *b, *c;
  a = acquire (0, in);
  if (!a)
    return -1;
  b = acquire (1, in);
  if (!b)
    {
      rc = -2;
      goto out_a;
    }
  t = use (b, x);
  c = acquire (2, in);
  if (!c)
    goto skip;
  if (check (in, 0))
    {
      rc = -3;
      goto out_c;
    }
  t += use (c, t);
  release (c);
skip:
  t += use (b, 1);
  release (b);
  if (check (in, 1))
    {
      rc = -4;
      goto out_a;
    }
  rc = t + use (a, 2);
out_a:
  release (a);
  return rc;
out_c:
  release (c);
  release (b);
  goto out_a;
}
