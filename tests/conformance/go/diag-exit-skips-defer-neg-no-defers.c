// exit-skips-defer (negative): exit() in a function that has no defers is not
// reported, even when a caller has defers pending (the rule is about "defers
// ... registered in the function", SPEC section 4, exit-skips-defer).  The
// caller's deferred body does not run (SPEC 3.8).
// expect-exit: 7
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

static void die(int code)
{
  printf("dying with %d\n", code);
  exit(code);
}

int main(void)
{
  defer puts("main cleanup");
  puts("main body");
  die(7);
  return 0;
}
//> main body
//> dying with 7
