/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "../resources.h"

/* Twin of stmtexpr_defer.c in ISO/IEC TS 25755.  */
#define WITH_RES(r, kind, in, expr)                  \
  ({                                                 \
    res *r = acquire (kind, in);                     \
    int v_ = -1;                                     \
    if (r)                                           \
      {                                              \
        _Defer release (r);                          \
        v_ = (expr);                                 \
      }                                              \
    v_;                                              \
  })

__attribute__((noinline)) int
stmtexpr_ts (unsigned in, int x)
{
  int s = 0;
  for (int i = 0; i < 3; i++)
    s += WITH_RES (r, i, in, use (r, x + i));
  return s;
}
