// TS 25755, scope-bound locking with the "defer" spelling: a lock taken in
// a block is released at that block's exit on every path (fall-through,
// break, continue, return), so every acquire is balanced before the next
// one and before the function returns.
// requires: pthread
// cflags: -pthread
// ldflags: -pthread
// spec: 3.ts
// ts: 6.4p4
#include <pthread.h>
#include <stddefer.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int depth;

static void lock(void)
{
  pthread_mutex_lock(&m);
  depth++;
}

static void unlock(void)
{
  depth--;
  pthread_mutex_unlock(&m);
}

static int scan(int stop)
{
  for (int i = 0; i < 5; i++) {
    lock();
    defer unlock();
    if (i == 1)
      continue;
    if (i == stop)
      return i * 10;
    if (i == 3)
      break;
    printf("i = %d, depth = %d\n", i, depth);
  }
  return -1;
}

int main(void)
{
  int r = scan(2);
  printf("scan(2) = %d, depth = %d\n", r, depth);
  r = scan(9);
  printf("scan(9) = %d, depth = %d\n", r, depth);
  return 0;
}
//> i = 0, depth = 1
//> scan(2) = 20, depth = 0
//> i = 0, depth = 1
//> i = 2, depth = 1
//> scan(9) = -1, depth = 0
