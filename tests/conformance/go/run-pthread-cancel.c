// Thread cancellation unwinds the cancelled thread: with -fexceptions its
// pending deferred bodies run before pthread_join returns
// PTHREAD_CANCELED.
// requires: pthread exceptions
// cflags: -pthread -fexceptions
// spec: 3.8
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int started;

static void *worker(void *arg)
{
  (void)arg;
  defer puts("worker: deferred runs on cancel");
  puts("worker: waiting to be cancelled");
  fflush(stdout);
  pthread_mutex_lock(&mu);
  started = 1;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
  /* pause() is the only cancellation point from here on. */
  for (;;)
    pause();
  return NULL;
}

int main(void)
{
  pthread_t t;
  void *res = NULL;
  if (pthread_create(&t, NULL, worker, NULL) != 0) {
    puts("pthread_create failed");
    return 1;
  }
  pthread_mutex_lock(&mu);
  while (!started)
    pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  pthread_cancel(t);
  pthread_join(t, &res);
  printf("main: joined, cancelled=%s\n", res == PTHREAD_CANCELED ? "yes" : "no");
  return 0;
}
//> worker: waiting to be cancelled
//> worker: deferred runs on cancel
//> main: joined, cancelled=yes
