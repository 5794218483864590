// The return expression (with side effects) is evaluated before any
// deferred body runs.
// spec: 3.4
#include <stdio.h>

static int compute(void)
{
  puts("compute return value");
  return 42;
}

static int f(void)
{
  defer puts("deferred body");
  puts("before return");
  return compute();
}

int main(void)
{
  int r = f();
  printf("f returned %d\n", r);
  return 0;
}
//> before return
//> compute return value
//> deferred body
//> f returned 42
