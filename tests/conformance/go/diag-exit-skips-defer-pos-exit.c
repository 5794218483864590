// exit-skips-defer (positive): exit() called while a defer of the function is
// registered: the deferred body will not run (SPEC 3.8: "exit() ... do[es]
// not run deferred bodies"; SPEC section 4, exit-skips-defer).  stdio is
// flushed by exit(), so "body" is printed, "cleanup" never.
// expect-exit: 3
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

static void run(int fail)
{
  defer puts("cleanup");
  puts("body");
  if (fail)
    exit(3); // expect-warning: exit-skips-defer
}

int main(void)
{
  run(1);
  puts("not reached");
  return 0;
}
//> body
