// escaping-capture (positive): the dead variable is used by a defer nested
// inside the outer deferred body.  For the inner defer `x` is declared
// outside its scope, but the outer deferred body (which contains the inner
// one and runs it) runs at the end of the function, after the `if` block
// declaring `x` has ended.
// spec: escaping-capture
// rejects: line 17 (escaping-capture)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 0) {
    int x = 5;
    defer {
      puts("outer");
      defer printf("x=%d\n", x); // expect-error: escaping-capture
    }
  }
  return 0;
}
