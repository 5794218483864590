// TS 25755: the body of a loop is a block that is exited at the end of
// every iteration, so a defer in it runs once per iteration, before the
// for-loop's increment expression and before the next test of the
// condition.
// spec: 3.ts
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) {
    _Defer printf("end of iteration %d\n", i);
    printf("iteration %d\n", i);
  }
  puts("after loop");
  return 0;
}
//> iteration 0
//> end of iteration 0
//> iteration 1
//> end of iteration 1
//> iteration 2
//> end of iteration 2
//> after loop
