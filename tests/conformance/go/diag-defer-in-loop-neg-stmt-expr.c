// defer-in-loop (negative): a statement expression inside a loop body is its
// own defer scope; a defer inside it runs when the statement expression ends
// (after its value is computed), so the loop is outside the defer's scope.
// A defer placed after a loop (not in it) is of course fine too.
// requires: statement-expressions
// spec: defer-in-loop
#include <stdio.h>

int main(void)
{
  int sum = 0;
  for (int i = 1; i <= 3; i++) {
    sum += ({ defer printf("leave %d\n", i); printf("enter %d\n", i); i * 10; });
  }
  defer printf("sum %d\n", sum);
  sum = sum + 1;
  return 0;
}
//> enter 1
//> leave 1
//> enter 2
//> leave 2
//> enter 3
//> leave 3
//> sum 61
