// exit() does not run deferred bodies (the backends warn exit-skips-defer
// at the call); stdio buffers are still flushed by exit, and the exit
// status is exit's argument.
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

static void f(void)
{
  defer puts("f deferred (must not run)");
  puts("calling exit");
  exit(3); // expect-warning: exit-skips-defer
}

int main(void)
{
  defer puts("main deferred (must not run)");
  puts("main start");
  f();
  return 0;
}
//> main start
//> calling exit
// expect-exit: 3
