/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of stmtexpr_defer.c with __attribute__((cleanup)).  */
#define WITH_RES(r, kind, in, expr)                  \
  ({                                                 \
    AUTO_RES r = acquire (kind, in);                 \
    int v_ = -1;                                     \
    if (r)                                           \
      v_ = (expr);                                   \
    v_;                                              \
  })

__attribute__((noinline)) int
stmtexpr_cleanup (unsigned in, int x)
{
  int s = 0;
  for (int i = 0; i < 3; i++)
    s += WITH_RES (r, i, in, use (r, x + i));
  return s;
}
