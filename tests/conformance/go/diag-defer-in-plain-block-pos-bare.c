// defer-in-plain-block (positive): a `defer` directly in a bare `{ }` block.
// In model go a bare block is not a defer scope (SPEC 3.1), so the deferred
// body runs at the end of the function, not of the block -- which a reader
// may not expect (SPEC section 4, defer-in-plain-block).  Also with `_Defer`.
// spec: defer-in-plain-block
#include <stdio.h>

int main(void)
{
  puts("start");
  {
    defer puts("from first block"); // expect-warning: defer-in-plain-block
    puts("in first block");
  }
  {
    _Defer puts("from second block"); // expect-warning: defer-in-plain-block
  }
  puts("after blocks");
  return 0;
}
//> start
//> in first block
//> after blocks
//> from second block
//> from first block
