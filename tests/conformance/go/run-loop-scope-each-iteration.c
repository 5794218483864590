// A loop whose body is `scope { ... }`: the body is a defer scope, so the
// deferred bodies run at the end of every iteration (before the increment
// expression and the next test).
// spec: 3.1, 3.3
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 3; printf("increment\n"), i++) scope {
    defer printf("deferred in iteration %d\n", i);
    printf("iteration %d\n", i);
  }
  printf("loop done, i=%d\n", i);
  return 0;
}
//> iteration 0
//> deferred in iteration 0
//> increment
//> iteration 1
//> deferred in iteration 1
//> increment
//> iteration 2
//> deferred in iteration 2
//> increment
//> loop done, i=3
