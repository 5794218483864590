/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cleanup-attribute twins of the shapes (NAME_cleanup.c): what a C
   programmer writes with GCC's __attribute__((cleanup)), the peer of
   defer that GCC and Clang already have.  The cleanup runs on every exit
   of the variable's block, also when the acquisition failed, so it tests
   for NULL.  */
#ifndef CDEFER_BENCH_CLEANUP_H
#define CDEFER_BENCH_CLEANUP_H
#include "../resources.h"

static inline void
release_p (res **p)
{
  if (*p)
    release (*p);
}

#define AUTO_RES __attribute__((cleanup (release_p))) res *
#endif
