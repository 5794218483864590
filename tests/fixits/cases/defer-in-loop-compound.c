// fixit-id: defer-in-loop
// expect-fixits: 2
// A `for` and a `while` with compound bodies: the fix-it inserts `scope `
// before each `{`, so the deferred body runs at the end of every iteration.
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 2; i++) {
    defer printf("end of iteration %d\n", i);
    printf("iteration %d\n", i);
  }
  int n = 0;
  while (n < 2) {
    n++;
    defer printf("end of round %d\n", n);
  }
  puts("done");
  return 0;
}
//> iteration 0
//> end of iteration 0
//> iteration 1
//> end of iteration 1
//> end of round 1
//> end of round 2
//> done
