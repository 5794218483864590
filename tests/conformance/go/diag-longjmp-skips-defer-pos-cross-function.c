// longjmp-skips-defer (positive): longjmp() out of a function whose deferred
// body is registered: the jump leaves the function's defer scope and the body
// never runs (SPEC 3.8; SPEC section 4, longjmp-skips-defer).
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void inner(int fail)
{
  defer puts("inner cleanup");
  puts("inner body");
  if (fail)
    longjmp(env, 1); // expect-warning: longjmp-skips-defer
}

int main(void)
{
  if (setjmp(env) == 0) {
    inner(1);
    puts("not reached");
  } else {
    puts("recovered");
  }
  return 0;
}
//> inner body
//> recovered
