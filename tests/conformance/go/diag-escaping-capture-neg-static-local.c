// escaping-capture (negative): the rule is about *automatic* variables.  A
// `static` local declared in a nested block lives for the whole program, and
// so does a global, so a deferred body running after the block ends may use
// them.
// spec: escaping-capture
#include <stdio.h>

static int global_count;

static void tick(int c)
{
  if (c) {
    static int calls;
    calls++;
    defer printf("calls=%d global=%d\n", calls, global_count);
  }
  global_count++;
}

int main(void)
{
  tick(1);
  tick(1);
  return 0;
}
//> calls=1 global=1
//> calls=2 global=2
