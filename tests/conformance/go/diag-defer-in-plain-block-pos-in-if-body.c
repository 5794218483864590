// defer-in-plain-block (positive): a bare `{ }` block that is the only
// statement of an `if` body.  The defer is directly in the bare block, not
// in the if body, so it warns (SPEC 4: only if/else/switch bodies themselves
// are exempt); the `if (n)` body with a second statement before the bare
// block is the same rule.  Found while writing the parity test (issue 12):
// the plugin gives no warning when the block is the first statement of the
// body (the front end does).
// spec: defer-in-plain-block
#include <stdio.h>

static void work(int n)
{
  if (n) {
    { defer puts("first deferred"); } // expect-warning: defer-in-plain-block
  }
  if (n) {
    puts("if body");
    { defer puts("second deferred"); } // expect-warning: defer-in-plain-block
  }
  puts("end of work");
}

int main(void)
{
  work(1);
  return 0;
}
//> if body
//> end of work
//> second deferred
//> first deferred
