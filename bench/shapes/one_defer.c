/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

__attribute__((noinline)) int
one_defer (unsigned in, int x)
{
  res *a = acquire (0, in);
  if (!a)
    return -1;
  defer release (a);
  return use (a, x);
}
