/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trace-counts.c - a program whose trace is known (tests/runtime/trace):
   the line of each defer and its counts are checked by the test.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile int sink;

static void recurse(int n)
{
  defer sink++;                                 /* line 13 */
  if (n > 0)
    recurse(n - 1);
}

static void loop(int n)
{
  for (int i = 0; i < n; i++) scope {
    defer sink++;                               /* line 21 */
    if (i % 3 == 0)
      defer sink--;                             /* line 23 */
  }
}

static void hold(void)
{
  struct timespec ts = { 0, 50 * 1000 * 1000 };
  defer sink++;                                 /* line 30 */
  nanosleep(&ts, NULL);
}

static void *worker(void *arg)
{
  recurse(4);
  loop(6);
  return arg;
}

int main(void)
{
  recurse(9);
  loop(9);
  hold();
  pthread_t t[3];
  for (int i = 0; i < 3; i++)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], NULL);
  defer puts("never runs: exit() leaves it pending");   /* line 51 */
  puts("done");
  exit(0);
}
