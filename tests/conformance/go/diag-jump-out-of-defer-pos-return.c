// jump-out-of-defer (positive): `return` inside a deferred body.  The body
// runs while the function is already returning (or leaving a scope); a
// return from it would abandon the rest of the cleanup.  Located at the
// `return` statement.
// spec: jump-out-of-defer
// rejects: line 15 (jump-out-of-defer)
#include <stdio.h>

static int busy = 1;

static void finish(void)
{
  defer {
    if (busy)
      return; // expect-error: jump-out-of-defer
    puts("released");
  }
  puts("working");
}

int main(void)
{
  finish();
  return 0;
}
