// defer-in-loop (positive): a statement expression is a defer scope; a loop
// inside it whose body holds a defer piles up until the statement
// expression ends.
// requires: statement-expressions
// spec: defer-in-loop
// rejects: line 15 (defer-in-loop)
#include <stdio.h>

int main(void)
{
  int i;
  int total = ({
    int s = 0;
    for (i = 0; i < 3; i++) {
      defer puts("tick"); // expect-error: defer-in-loop
      s += i;
    }
    s;
  });
  printf("%d\n", total);
  return 0;
}
