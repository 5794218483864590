// TS 25755: a defer statement registers its deferred block when it is
// reached; statements before and after it run normally, and the deferred
// block runs only at the exit of the enclosing block. Defers in sibling
// blocks run at the end of each sibling; a later defer in the outer block
// runs at the outer block's end.
// spec: 3.ts, 3.2
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  {
    puts("1");
    _Defer puts("6");
    puts("2");
    {
      _Defer puts("4");
      puts("3");
    }
    puts("5");
  }
  {
    _Defer puts("8");
    puts("7");
  }
  puts("9");
  return 0;
}
//> 1
//> 2
//> 3
//> 4
//> 5
//> 6
//> 7
//> 8
//> 9
