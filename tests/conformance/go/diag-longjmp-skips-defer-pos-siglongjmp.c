// longjmp-skips-defer (positive): siglongjmp() is the same as longjmp() for
// this rule (SPEC section 4, longjmp-skips-defer: "a longjmp/siglongjmp
// call"); the defer here is in a `scope` inside the function.
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static sigjmp_buf env;

static void step(int n)
{
  scope {
    defer puts("step cleanup");
    printf("step %d\n", n);
    if (n == 2)
      siglongjmp(env, n); // expect-warning: longjmp-skips-defer
  }
}

int main(void)
{
  int r = sigsetjmp(env, 1);
  if (r == 0) {
    step(1);
    step(2);
    puts("not reached");
  } else {
    printf("jumped %d\n", r);
  }
  return 0;
}
//> step 1
//> step cleanup
//> step 2
//> jumped 2
