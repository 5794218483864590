// `_Scope` followed by a statement other than a compound statement: the
// statement is the defer scope.  `_Scope if (...) defer ...;` as a loop
// body makes the conditional defer run at the end of each iteration;
// `_Scope defer X;` runs X right away.
// spec: 2, 3.1
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 3; i++)
    _Scope if (i != 1) defer printf("deferred in iteration %d\n", i);
  puts("before");
  _Scope defer puts("runs at once");
  puts("after");
  return 0;
}
//> deferred in iteration 0
//> deferred in iteration 2
//> before
//> runs at once
//> after
