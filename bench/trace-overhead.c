/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trace-overhead.c - the cost of one defer in trace mode (bench/run-trace-
   overhead): a loop calls a small function with one defer N times on each
   of T threads (all on the same site) and prints the wall time per call in
   ns.  Compiled with and without trace mode; the difference is the cost of
   one traced registration and run.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile unsigned long sink;

__attribute__ ((noinline)) static void
one (unsigned long i)
{
  defer sink += i;
  sink ^= i;
}

static void *
run (void *arg)
{
  unsigned long n = *(unsigned long *) arg;
  for (unsigned long i = 0; i < n; i++)
    one (i);
  return NULL;
}

int
main (int argc, char **argv)
{
  unsigned long n = argc > 1 ? strtoul (argv[1], NULL, 10) : 10000000;
  int threads = argc > 2 ? atoi (argv[2]) : 1;
  pthread_t t[64];
  if (threads < 1 || threads > 64)
    return 2;
  struct timespec a, b;
  clock_gettime (CLOCK_MONOTONIC, &a);
  for (int i = 0; i < threads; i++)
    pthread_create (&t[i], NULL, run, &n);
  for (int i = 0; i < threads; i++)
    pthread_join (t[i], NULL);
  clock_gettime (CLOCK_MONOTONIC, &b);
  double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
  printf ("%.2f\n", ns / n);
  return 0;
}
