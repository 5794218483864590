// jump-into-scope (positive): a `goto` to a label inside a deferred body
// (not at its start: a deferred body may not start with a label) enters the
// body from outside.
// spec: jump-into-scope
// rejects: line 12 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 5)
    goto cleanup; // expect-error: jump-into-scope
  defer {
    puts("first");
  cleanup:
    puts("second");
  }
  return 0;
}
