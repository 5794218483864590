/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stub "resources" for the run-time benchmark (bench/run-callgrind).
   Implemented in resources.c, a separate translation unit, so that the
   compiler cannot see through them and nothing in the functions under test
   folds away.  */
#ifndef CDEFER_BENCH_RESOURCES_H
#define CDEFER_BENCH_RESOURCES_H

typedef struct res res;

/* Acquire a resource of kind KIND (0..15).  Fails (returns NULL) iff bit
   KIND of IN is set.  */
res *acquire (int kind, unsigned in);
/* Release R.  Checks that R is the most recently acquired resource that is
   still held (LIFO), and that it is held at all.  */
void release (res *r);
/* Some work with R: a value in 0 .. 2^24-1; no side effects.  */
int use (res *r, int x);
/* An error check: nonzero iff bit 16 + (STEP % 16) of IN is set.  */
int check (unsigned in, int step);

/* Driver side.  */
void res_reset (void);
unsigned long long res_log (void);     /* order-sensitive hash of acquire/release */
int res_outstanding (void);            /* resources currently held */
long res_errors (void);                /* double/non-LIFO/unknown releases */

#endif
