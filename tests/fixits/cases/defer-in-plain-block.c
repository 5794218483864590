// fixit-id: defer-in-plain-block
// expect-fixits: 2
// Defers directly in bare blocks: the fix-it makes each block a `scope`, so
// the deferred bodies run at the end of their block.
#include <stdio.h>

int main(void)
{
  {
    defer puts("end of first block");
    puts("first block");
  }
  {
    int n = 2;
    _Defer puts("end of second block");
    printf("second block %d\n", n);
  }
  puts("after blocks");
  return 0;
}
//> first block
//> end of first block
//> second block 2
//> end of second block
//> after blocks
