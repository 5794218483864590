// jump-into-scope (positive): a forward `goto` from before a `scope`
// statement to a label inside its body enters the scope without passing its
// start.  Located at the `goto`.
// spec: jump-into-scope
// rejects: line 12 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 5)
    goto inside; // expect-error: jump-into-scope
  scope {
    defer puts("leave");
    puts("enter");
  inside:
    puts("inside");
  }
  return 0;
}
