// jump-out-of-defer (positive): a `goto` from an inner deferred body to a
// label in the outer deferred body.  The label is inside the outer body but
// outside the inner one, so the jump leaves a deferred body.
// spec: jump-out-of-defer
// rejects: line 15 (jump-out-of-defer)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  defer {
    puts("outer start");
    defer {
      if (argc > 0)
        goto outer_end; // expect-error: jump-out-of-defer
      puts("inner");
    }
    puts("outer middle");
  outer_end:
    puts("outer end");
  }
  return 0;
}
