// longjmp-skips-defer (positive): a longjmp within one function, but to a
// setjmp *before* the defer, outside the defer's `scope`: the jump leaves the
// scope with its deferred body registered, so the body never runs (SPEC
// section 4, longjmp-skips-defer; only a setjmp after the defers, in their
// scope, keeps it quiet).
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

int main(void)
{
  volatile int stage = 0;
  if (setjmp(env)) {
    printf("back at stage %d\n", stage);
    return 0;
  }
  scope {
    defer puts("scope cleanup");
    stage = 1;
    puts("in scope");
    longjmp(env, 1); // expect-warning: longjmp-skips-defer
  }
  return 0;
}
//> in scope
//> back at stage 1
