// Panics never cross threads (SPEC 6): each thread has its own protects
// and its own panic value.  A thread's panic stops at that thread's
// protect, even while the main thread is inside a protected call of its
// own, and cdefer_panic_value() of the main thread is not changed by it.
// requires: exceptions libcdefer pthread
// cflags: -fexceptions -pthread
// ldflags: -pthread
// spec: 3.3
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <cdefer.h>

static void thread_work(void *arg)
{
  defer printf("thread body\n");
  cdefer_panic(arg);
}

static void *thread_main(void *arg)
{
  int rc = cdefer_protect(thread_work, arg);
  printf("thread protect %d, value %d\n", rc, (int) (intptr_t) cdefer_panic_value());
  return NULL;
}

static void main_work(void *arg)
{
  (void) arg;
  defer printf("main body\n");
  pthread_t t;
  pthread_create(&t, NULL, thread_main, (void *) (intptr_t) 9);
  pthread_join(t, NULL);
  printf("main value while protected: %s\n", cdefer_panic_value() ? "set" : "NULL");
  cdefer_panic((void *) (intptr_t) 1);
}

int main(void)
{
  int rc = cdefer_protect(main_work, NULL);
  printf("main protect %d, value %d\n", rc, (int) (intptr_t) cdefer_panic_value());
  return 0;
}
//> thread body
//> thread protect 1, value 9
//> main value while protected: NULL
//> main body
//> main protect 1, value 1
