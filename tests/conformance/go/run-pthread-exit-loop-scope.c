// pthread_exit() from inside a loop-body scope (with -fexceptions): the
// unwinding runs the registered bodies of the current iteration's scope,
// then the function body's; a defer of that iteration that was not reached
// yet does not run.
// requires: pthread exceptions
// cflags: -pthread -fexceptions
// spec: 3.8
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg)
{
  int i;
  (void)arg;
  defer puts("worker: function deferred");
  for (i = 0; i < 3; i++) scope {
    defer printf("worker: iteration %d deferred\n", i);
    if (i == 1)
      pthread_exit(NULL);
    defer printf("worker: iteration %d late deferred\n", i);
    printf("worker: iteration %d body\n", i);
  }
  puts("worker: not reached");
  return NULL;
}

int main(void)
{
  pthread_t t;
  if (pthread_create(&t, NULL, worker, NULL) != 0) {
    puts("pthread_create failed");
    return 1;
  }
  pthread_join(t, NULL);
  puts("main: joined");
  return 0;
}
//> worker: iteration 0 body
//> worker: iteration 0 late deferred
//> worker: iteration 0 deferred
//> worker: iteration 1 deferred
//> worker: function deferred
//> main: joined
