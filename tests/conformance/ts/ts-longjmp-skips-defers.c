// TS 25755 / SPEC 3.8: longjmp does not run deferred blocks of the blocks
// it leaves (it is not a jump statement; it does not exit blocks
// normally). The longjmp is made from a helper with no defers, so cdefer's
// longjmp-skips-defer warning does not apply. Blocks left normally after
// the setjmp returns again still run their defers.
// requires: setjmp
// spec: 3.ts, 3.8
// ts: 6.4p6
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void fail(void)
{
  longjmp(env, 1);
}

static void work(void)
{
  _Defer puts("work's deferred block (skipped)");
  {
    _Defer puts("work's inner deferred block (skipped)");
    puts("work fails");
    fail();
  }
}

int main(void)
{
  {
    _Defer puts("main block deferred block");
    if (setjmp(env) == 0) {
      work();
      puts("not reached");
    } else {
      puts("recovered");
    }
  }
  puts("end");
  return 0;
}
//> work fails
//> recovered
//> main block deferred block
//> end
