// address-escape (negative): `pthread_create` writes its first argument
// (`&tid`) during the call and does not keep it; only arg 4 (and arg 3 for a
// nested function) is retained (SPEC section 4, address-escape).  The deferred
// body starts a thread with a NULL argument and joins it before the frame
// ends, so nothing outlives the frame.
// requires: pthread
// ldflags: -pthread
// spec: address-escape
#include <pthread.h>
#include <stdio.h>

static int ran;

static void *worker(void *arg)
{
  ran = 1;
  return arg;
}

static void f(void)
{
  pthread_t tid;
  defer {
    if (pthread_create(&tid, NULL, worker, NULL) == 0)
      pthread_join(tid, NULL);
    printf("ran %d\n", ran);
  }
  puts("body");
}

int main(void)
{
  f();
  return 0;
}
//> body
//> ran 1
