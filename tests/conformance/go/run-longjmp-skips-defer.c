// longjmp does not run deferred bodies: a longjmp out of a function with a
// registered defer skips it (and the backends warn longjmp-skips-defer at
// that call).  The defers of the function that called setjmp are not
// affected.
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void jumper(void)
{
  defer puts("jumper deferred (must not run)");
  puts("jumper: longjmp");
  longjmp(env, 1); // expect-warning: longjmp-skips-defer
}

int main(void)
{
  defer puts("main deferred");
  if (setjmp(env) == 0) {
    jumper();
    puts("not reached");
  } else {
    puts("main: back from longjmp");
  }
  return 0;
}
//> jumper: longjmp
//> main: back from longjmp
//> main deferred
