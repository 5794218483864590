// escaping-capture (positive): the defer belongs to a `scope` body; `z` is
// declared in an `if` block nested inside that scope body, so it is dead when
// the scope exits.  Likewise a defer inside a deferred body whose variable is
// declared in a block nested in the outer deferred body.
// spec: escaping-capture
// rejects: line 16 (escaping-capture)
// rejects: line 23 (escaping-capture)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  scope {
    if (argc > 0) {
      int z = 3;
      defer printf("z=%d\n", z); // expect-error: escaping-capture
    }
    puts("in scope");
  }
  defer {
    if (argc > 0) {
      int w = 4;
      defer printf("w=%d\n", w); // expect-error: escaping-capture
    }
    puts("outer deferred body");
  }
  return 0;
}
