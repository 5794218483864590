// An early return before a defer statement: that defer was never reached
// and does not run; only the defers registered before the return run.
// spec: 3.2, 3.3
#include <stdio.h>

static int f(int stage)
{
  defer puts("deferred 1");
  if (stage == 0)
    return 0;
  defer puts("deferred 2");
  if (stage == 1)
    return 1;
  defer puts("deferred 3");
  puts("full path");
  return 2;
}

static void g(int quit)
{
  defer puts("g deferred");
  if (quit)
    return;
  puts("g body");
}

int main(void)
{
  printf("f(0)=%d\n", f(0));
  printf("f(1)=%d\n", f(1));
  printf("f(2)=%d\n", f(2));
  g(1);
  g(0);
  return 0;
}
//> deferred 1
//> f(0)=0
//> deferred 2
//> deferred 1
//> f(1)=1
//> full path
//> deferred 3
//> deferred 2
//> deferred 1
//> f(2)=2
//> g deferred
//> g body
//> g deferred
