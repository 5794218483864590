// longjmp-skips-defer (negative): ordinary setjmp error handling inside one
// scope, with the setjmp after the defer: the longjmp lands in the same scope
// and the deferred body still runs when the function returns (SPEC section 4,
// longjmp-skips-defer: "ordinary setjmp-based error handling that does not
// cross defers stays quiet").
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void fail(void)
{
  longjmp(env, 1);
}

static int run(void)
{
  defer puts("cleanup");
  if (setjmp(env) == 0) {
    puts("try");
    longjmp(env, 1);
  }
  puts("caught once");
  if (setjmp(env) == 0) {
    puts("try again");
    fail();
  }
  puts("caught twice");
  return 0;
}

int main(void)
{
  return run();
}
//> try
//> caught once
//> try again
//> caught twice
//> cleanup
