// TS 25755: every block is a defer scope. Three defers in a plain compound
// statement run when that block is exited (falling off its end), last
// registered first -- before the statement that follows the block, not at
// the end of the function.
// spec: 3.ts, 3.3
// ts: 6.4p4, 6.4p5
#include <stdio.h>

int main(void)
{
  puts("start");
  {
    _Defer puts("first registered");
    _Defer puts("second registered");
    _Defer puts("third registered");
    puts("block body");
  }
  puts("after block");
  return 0;
}
//> start
//> block body
//> third registered
//> second registered
//> first registered
//> after block
