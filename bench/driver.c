/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Driver for bench/run-callgrind.

   For every shape in shapes/shapes.def it calls NAME_goto and then
   NAME_defer N times each with the same pseudo-random inputs (so every
   path -- success and each early failure -- is taken many times), and
   checks that both compute the same results: the same return values and
   the same order-sensitive log of acquire/release calls, with every release
   LIFO and no resource left held after a call.

   usage: driver [-n N] [-q] [SHAPE...]      (exit 1 on any mismatch)  */
#include "resources.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHAPE(n, d) int n##_goto (unsigned, int); int n##_defer (unsigned, int);
#include "shapes/shapes.def"
#undef SHAPE

typedef int impl_fn (unsigned, int);
struct shape { const char *name, *desc; impl_fn *fgoto, *fdefer; };
static const struct shape shapes[] = {
#define SHAPE(n, d) { #n, d, n##_goto, n##_defer },
#include "shapes/shapes.def"
#undef SHAPE
};
#define NSHAPES (sizeof shapes / sizeof shapes[0])

struct result
{
  unsigned long long rets;     /* hash of the return values */
  unsigned long long log;      /* res_log () */
  long errors;                 /* bad releases + leaks */
  unsigned neg_seen;           /* bit k: return value -k-1 seen (k < 31) */
  long ok;                     /* calls that returned >= 0 */
};

static unsigned long long rng;
static unsigned
next (void)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned) (rng >> 16);
}

static struct result
run (impl_fn *f, long n)
{
  struct result r = { 0xcbf29ce484222325ULL, 0, 0, 0, 0 };
  rng = 0x9e3779b97f4a7c15ULL;
  res_reset ();
  for (long i = 0; i < n; i++)
    {
      /* Each bit of IN is set with probability 1/8: a given acquire or
         check fails 1 time in 8.  */
      unsigned in = next () & next () & next ();
      int x = (int) next ();
      int rc = f (in, x);
      r.rets = (r.rets ^ (unsigned) rc) * 0x100000001b3ULL;
      if (rc >= 0)
        r.ok++;
      else if (rc > -32)
        r.neg_seen |= 1u << (-rc - 1);
      if (res_outstanding () != 0)
        {
          r.errors++;
          res_reset ();
        }
    }
  r.log = res_log ();
  r.errors += res_errors ();
  return r;
}

int
main (int argc, char **argv)
{
  long n = 100000;
  int quiet = 0, status = 0, argi = 1;
  for (; argi < argc && argv[argi][0] == '-'; argi++)
    {
      if (!strcmp (argv[argi], "-n") && argi + 1 < argc)
        n = atol (argv[++argi]);
      else if (!strcmp (argv[argi], "-q"))
        quiet = 1;
      else
        {
          fprintf (stderr, "usage: %s [-n N] [-q] [SHAPE...]\n", argv[0]);
          return 2;
        }
    }
  for (size_t s = 0; s < NSHAPES; s++)
    {
      if (argi < argc)
        {
          int want = 0;
          for (int j = argi; j < argc; j++)
            want |= !strcmp (argv[j], shapes[s].name);
          if (!want)
            continue;
        }
      struct result g = run (shapes[s].fgoto, n);
      struct result d = run (shapes[s].fdefer, n);
      int same = g.rets == d.rets && g.log == d.log && g.ok == d.ok
                 && g.neg_seen == d.neg_seen;
      int bad = !same || g.errors || d.errors;
      if (bad)
        status = 1;
      if (!quiet || bad)
        printf ("%-6s %-32s %s  rets=%016llx log=%016llx ok=%ld/%ld "
                "errpaths=%d errors goto=%ld defer=%ld%s\n",
                shapes[s].name, shapes[s].desc, bad ? "MISMATCH" : "ok",
                d.rets, d.log, d.ok, n, __builtin_popcount (d.neg_seen),
                g.errors, d.errors,
                same ? "" : " (goto and defer results differ)");
    }
  return status;
}
