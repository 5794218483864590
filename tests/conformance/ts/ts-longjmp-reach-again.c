// TS 25755 6.4p6, second item: when a longjmp brings control back to a
// point of the block before a defer statement that was already reached,
// and the defer is reached again, the effect is the same as reaching it
// once: its deferred block runs once, when the block is left.  Here the
// defer is reached three times (twice again after a longjmp from a helper
// with no defers of its own, so no longjmp-skips-defer warning applies).
// spec: 3.ts, 3.7
// ts: 6.4p6
// requires: setjmp
#include <stddefer.h>
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void fail(void)
{
  longjmp(env, 1);
}

int main(void)
{
  volatile int tries = 0;
  {
    if (setjmp(env) != 0)
      puts("back after longjmp");
    defer puts("deferred block runs once");
    tries++;
    if (tries < 3)
      fail();
    puts("leaving the block");
  }
  puts("after the block");
  return 0;
}
//> back after longjmp
//> back after longjmp
//> leaving the block
//> deferred block runs once
//> after the block
