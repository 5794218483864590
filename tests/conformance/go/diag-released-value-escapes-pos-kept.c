// released-value-escapes (positive): after the defer is registered, the
// value it releases is handed to a function that keeps it: a parameter
// marked __attribute__((cdefer_retains(N))) or pthread_setspecific's value
// (SPEC section 4: "passed to a retaining function after the defer is
// registered"); and a value released by a user function marked
// __attribute__((cdefer_releases(N))) is returned ("... and
// __attribute__((cdefer_releases(N)))").  A copy of the pointer escapes as
// well as the pointer itself.
// requires: pthread
// ldflags: -pthread
// spec: released-value-escapes
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *kept;

void keep(void *p) __attribute__((cdefer_retains(1)));
void keep(void *p)
{
  kept = p;
}

struct pool { int live; };

void pool_put(struct pool *pool, void *obj) __attribute__((cdefer_releases(2)));
void pool_put(struct pool *pool, void *obj)
{
  pool->live--;
  free(obj);
}

void *pool_get(struct pool *pool)
{
  pool->live++;
  return malloc(16);
}

void remember(size_t n)
{
  char *buf = malloc(n);
  defer free(buf);
  keep(buf); // expect-warning: released-value-escapes
}

void per_thread(pthread_key_t key)
{
  void *state = malloc(32);
  defer free(state);
  pthread_setspecific(key, state); // expect-warning: released-value-escapes
}

void *borrow(struct pool *pool)
{
  void *obj = pool_get(pool);
  defer pool_put(pool, obj);
  void *copy = obj;
  return copy; // expect-warning: released-value-escapes
}

int main(void)
{
  struct pool pool = { 0 };
  printf("%d %s\n", pool.live, kept ? "kept" : "none");
  return 0;
}
//> 0 none
