// A conditional defer in a loop-body scope: registered in iterations 1 and
// 3 but not in iteration 2.  It runs right after each iteration that
// registered it, never after iteration 2, and never again at the end.
// spec: 3.2, 3.7
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 1; i <= 3; i++) scope {
    if (i != 2) {
      defer printf("deferred (registered in iteration %d)\n", i);
    }
    printf("iteration %d\n", i);
  }
  puts("after loop");
  return 0;
}
//> iteration 1
//> deferred (registered in iteration 1)
//> iteration 2
//> iteration 3
//> deferred (registered in iteration 3)
//> after loop
