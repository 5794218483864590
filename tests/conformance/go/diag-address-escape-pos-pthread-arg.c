// address-escape (positive): `pthread_create` keeps its fourth argument and
// hands it to the new thread, which may run after the frame is gone (SPEC
// section 4, address-escape: "pthread_create arg 4").  `&tid` (arg 1) is only
// written during the call and is not reported.
// requires: pthread
// ldflags: -pthread
// spec: address-escape
// rejects: line 21 (address-escape)
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg)
{
  return arg;
}

static void start_on_exit(void)
{
  pthread_t tid;
  int payload = 5;
  defer pthread_create(&tid, NULL, worker, &payload); // expect-error: address-escape
  printf("%d\n", payload);
}

int main(void)
{
  start_on_exit();
  return 0;
}
