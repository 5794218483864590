// pthread_exit() unwinds the thread: with -fexceptions the pending deferred
// bodies of every frame on the way run (innermost frame first), as for
// __attribute__((cleanup)).
// requires: pthread exceptions
// cflags: -pthread -fexceptions
// spec: 3.8
#include <pthread.h>
#include <stdio.h>

static void inner(void)
{
  defer puts("worker: inner deferred");
  puts("worker: calling pthread_exit");
  pthread_exit(NULL);
}

static void *worker(void *arg)
{
  defer puts("worker: outer deferred");
  if (arg)
    inner();
  puts("worker: not reached");
  return NULL;
}

int main(void)
{
  pthread_t t;
  int dummy = 1;
  defer puts("main deferred");
  if (pthread_create(&t, NULL, worker, &dummy) != 0) {
    puts("pthread_create failed");
    return 1;
  }
  pthread_join(t, NULL);
  puts("main: joined");
  return 0;
}
//> worker: calling pthread_exit
//> worker: inner deferred
//> worker: outer deferred
//> main: joined
//> main deferred
