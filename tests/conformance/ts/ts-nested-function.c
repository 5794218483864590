// Model ts with a GNU nested function: the nested function's body and its
// inner blocks are blocks like any other; its defers run when it returns
// (each call), independently of the enclosing function's defers, which
// run at the end of the enclosing block.
// requires: nested-functions
// spec: 3.1, 3.ts
// ts: extension
#include <stdio.h>

int main(void)
{
  int calls = 0;
  {
    _Defer printf("outer block done, calls = %d\n", calls);
    int step(int v)
    {
      _Defer calls++;
      {
        _Defer printf("  step(%d) inner block\n", v);
      }
      return v * 2;
    }
    printf("step(1) = %d\n", step(1));
    printf("step(2) = %d\n", step(2));
  }
  return 0;
}
//>   step(1) inner block
//> step(1) = 2
//>   step(2) inner block
//> step(2) = 4
//> outer block done, calls = 2
