/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cleanup.h"

/* Twin of ifdefer_defer.c with __attribute__((cleanup)); the release
   of b also makes the check of the deferred body, so its guard holds IN
   as well.  (The deferred `t = 0` cannot change the returned value: it
   is left out.)  */
struct checked_res
{
  res *r;
  unsigned in;
};

static inline void
release_checked (struct checked_res *c)
{
  if (c->r)
    {
      (void) check (c->in, 0);
      release (c->r);
    }
}

__attribute__((noinline)) int
ifdefer_cleanup (unsigned in, int x)
{
  int t = 0;
  AUTO_RES a = 0;
  if (in & 0x200u)
    {
      a = acquire (7, in);
      if (!a)
        return -1;
    }
  int v = ({
    AUTO_RES r = acquire (10, in);
    int w = 1;
    if (r)
      w = use (r, x);
    w;
  });
  t += v;
  __attribute__((cleanup (release_checked))) struct checked_res b
    = { acquire (13, in), in };
  if (!b.r)
    return -2;
  t += use (b.r, v & 0xffff);
  if (a)
    t += use (a, 1);
  return t;
}
