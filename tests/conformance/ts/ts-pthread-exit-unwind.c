// SPEC 3.8 (both models): with -fexceptions, pthread_exit() unwinds the
// thread's stack, and the deferred blocks of every block it leaves run on
// the way -- innermost first -- as __attribute__((cleanup)) handlers do.
// (The TS itself leaves thread termination outside the jump rules; this
// follows the implementation's cleanup semantics.)
// requires: pthread exceptions
// cflags: -pthread -fexceptions
// ldflags: -pthread
// spec: 3.8
// ts: extension
#include <pthread.h>
#include <stdio.h>

static void finish(void)
{
  pthread_exit(NULL);
}

static void *worker(void *arg)
{
  (void)arg;
  _Defer puts("worker: function body deferred block");
  for (int i = 0; i < 3; i++) {
    _Defer printf("worker: iteration %d deferred block\n", i);
    if (i == 1) {
      _Defer puts("worker: innermost deferred block");
      finish();
    }
  }
  puts("not reached");
  return NULL;
}

int main(void)
{
  pthread_t t;
  if (pthread_create(&t, NULL, worker, NULL) != 0)
    return 1;
  pthread_join(t, NULL);
  puts("joined");
  return 0;
}
//> worker: iteration 0 deferred block
//> worker: innermost deferred block
//> worker: iteration 1 deferred block
//> worker: function body deferred block
//> joined
