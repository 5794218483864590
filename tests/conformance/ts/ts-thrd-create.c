// TS 25755 7.1 (thrd_create): when the thread function given to
// thrd_create returns, it runs the defer statements in scope for it before
// thrd_exit is called with the returned value: the deferred blocks print
// before thrd_join returns, and the result is the value computed by the
// return expression before they ran (a deferred block that changes the
// variable does not change it).
// spec: 3.ts, 3.4
// ts: 6.4p4, 7.1p1
// requires: pthread
// cflags: -pthread
// ldflags: -pthread
#include <stddefer.h>
#include <stdio.h>
#include <threads.h>

static int worker(void *arg)
{
  const int *p = arg;
  int n = *p;
  defer puts("worker: deferred block of the function");
  {
    defer puts("worker: deferred block of the inner block");
    puts("worker: running");
  }
  defer n = -1;
  return n * 2;
}

int main(void)
{
  thrd_t t;
  int arg = 21, res = 0;
  if (thrd_create(&t, worker, &arg) != thrd_success)
    return 1;
  if (thrd_join(t, &res) != thrd_success)
    return 1;
  printf("joined: %d\n", res);
  return 0;
}
//> worker: running
//> worker: deferred block of the inner block
//> worker: deferred block of the function
//> joined: 42
