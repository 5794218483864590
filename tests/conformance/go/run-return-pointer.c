// Returning a pointer: deferred bodies cannot change the returned pointer
// value (the local is reset to NULL after the value was taken), but they
// can change what it points to.
// spec: 3.4
#include <stdio.h>
#include <stddef.h>

static int storage[2] = { 1, 2 };

static int *f(void)
{
  int *p = &storage[0];
  defer p = NULL;
  defer {
    *p = 100;
  }
  return p;
}

static const char *g(void)
{
  const char *msg = "original";
  defer msg = "changed by defer";
  return msg;
}

int main(void)
{
  int *r = f();
  printf("returned storage[0]? %s\n", r == &storage[0] ? "yes" : "no");
  printf("storage[0]=%d\n", storage[0]);
  printf("g returned %s\n", g());
  return 0;
}
//> returned storage[0]? yes
//> storage[0]=100
//> g returned original
