// exit-skips-defer (positive): thrd_exit() with a defer pending, in code
// compiled without -fexceptions (SPEC section 4 names `thrd_exit (without
// -fexceptions)`): the thread ends without running the deferred body.
// (With -fexceptions it unwinds and the body runs: run-pthread-exit.c.)
// requires: pthread
// cflags: -pthread
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <threads.h>

static int worker(void *arg)
{
  defer puts("worker deferred");
  puts("worker exits");
  if (arg)
    thrd_exit(3); // expect-warning: exit-skips-defer
  return 0;
}

int main(void)
{
  thrd_t t;
  int res = 0, one = 1;
  if (thrd_create(&t, worker, &one) != thrd_success)
    return 1;
  thrd_join(t, &res);
  printf("thread result %d\n", res);
  return 0;
}
//> worker exits
//> thread result 3
