// exit-skips-defer (negative): exit() called before any defer is registered
// in the function, and exit() after the `scope` whose defers already ran:
// nothing is pending (SPEC section 4, exit-skips-defer: "called while defers
// may be registered").
// expect-exit: 0
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

static void check(int ok)
{
  if (!ok)
    exit(1);
  defer puts("check done");
  puts("checked");
}

int main(void)
{
  check(1);
  scope {
    defer puts("scope cleanup");
    puts("in scope");
  }
  puts("exiting");
  exit(0);
}
//> checked
//> check done
//> in scope
//> scope cleanup
//> exiting
