// jump-out-of-defer (positive): `break` in a deferred body with no loop or
// switch anywhere around it.  The only thing it could leave is the deferred
// body, so it is jump-out-of-defer (SPEC 4; decision of issue 12), not just
// C's "break not within a loop or switch".  Issue 12: the plugin gives only
// GCC's error, without the cdefer ID (the front end reports the ID).
// spec: jump-out-of-defer
// rejects: line 14 (jump-out-of-defer)
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
