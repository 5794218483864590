// jump-out-of-defer (model ts): `break` in a deferred block with no loop or
// switch anywhere around it.  The only thing it could leave is the deferred
// block, so it is jump-out-of-defer (SPEC 4; the TS forbids jumps out of a
// deferred block; decision of issue 12), not just C's "break not within a
// loop or switch".  Issue 12: the plugin gives only GCC's error, without the
// cdefer ID (the front end reports the ID).
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c
// rejects: line 17 (jump-out-of-defer)
#include <stddefer.h>
#include <stdio.h>

static void work(void)
{
  defer {
    puts("deferred");
    break; // expect-error: jump-out-of-defer
  }
}

int main(void)
{
  work();
  return 0;
}
