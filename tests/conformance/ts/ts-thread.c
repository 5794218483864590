// TS 25755: a thread's start function is an ordinary function: its
// deferred blocks run when it returns (before pthread_join returns in the
// creating thread), its nested blocks' defers at their ends, and the value
// it returns is computed before its deferred blocks run.
// requires: pthread
// cflags: -pthread
// ldflags: -pthread
// spec: 3.ts
// ts: 6.4p4
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>

static void *worker(void *arg)
{
  intptr_t n = (intptr_t)arg;
  _Defer puts("worker: function deferred block");
  {
    _Defer puts("worker: block deferred block");
    puts("worker: running");
  }
  _Defer n = -1;
  return (void *)(n * 2);
}

int main(void)
{
  pthread_t t;
  void *res;
  if (pthread_create(&t, NULL, worker, (void *)(intptr_t)21) != 0)
    return 1;
  pthread_join(t, &res);
  printf("joined: %d\n", (int)(intptr_t)res);
  return 0;
}
//> worker: running
//> worker: block deferred block
//> worker: function deferred block
//> joined: 42
