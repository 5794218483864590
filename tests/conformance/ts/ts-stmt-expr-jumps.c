// Model ts with GNU statement expressions: break/continue out of a
// statement expression inside a loop leave its block, so its registered
// deferred blocks run (innermost block first) before the loop continues
// or ends.
// requires: statement-expressions
// spec: 3.1, 3.ts
// ts: extension
#include <stdio.h>

int main(void)
{
  int total = 0;
  for (int i = 0; i < 4; i++) {
    _Defer printf("iteration %d done\n", i);
    total += ({
      _Defer printf("stmt-expr %d done\n", i);
      printf("stmt-expr %d body\n", i);
      if (i == 1)
        continue;
      if (i == 3)
        break;
      i * 10;
    });
  }
  printf("total = %d\n", total);
  return 0;
}
//> stmt-expr 0 body
//> stmt-expr 0 done
//> iteration 0 done
//> stmt-expr 1 body
//> stmt-expr 1 done
//> iteration 1 done
//> stmt-expr 2 body
//> stmt-expr 2 done
//> iteration 2 done
//> stmt-expr 3 body
//> stmt-expr 3 done
//> iteration 3 done
//> total = 20
