// A defer directly in a bare `{ ... }` block: the block is not a defer
// scope in model go, so the body runs at the end of the enclosing scope
// (the function), not of the block.  The backends warn
// defer-in-plain-block (suggesting `scope`), and the program still runs.
// spec: 3.1, defer-in-plain-block
#include <stdio.h>

int main(void)
{
  puts("start");
  { defer puts("deferred in bare block"); puts("in block"); } // expect-warning: defer-in-plain-block
  puts("after block");
  return 0;
}
//> start
//> in block
//> after block
//> deferred in bare block
