// A defer inside an if body registers only when the branch is taken.  The
// if body is a plain block, not a defer scope: the deferred body runs when
// the function ends, after the statements that follow the if.
// spec: 3.1, 3.2
#include <stdio.h>

static void f(int c)
{
  printf("f(%d) start\n", c);
  if (c) {
    defer printf("conditional deferred (c=%d)\n", c);
    puts("in if");
  } else {
    defer printf("else deferred (c=%d)\n", c);
    puts("in else");
  }
  defer puts("unconditional deferred");
  puts("end of f");
}

int main(void)
{
  f(1);
  f(0);
  return 0;
}
//> f(1) start
//> in if
//> end of f
//> unconditional deferred
//> conditional deferred (c=1)
//> f(0) start
//> in else
//> end of f
//> unconditional deferred
//> else deferred (c=0)
