// continue inside a loop-body scope: the deferred bodies registered so far
// in this iteration run before the increment expression; a defer after the
// continue is not reached in that iteration and does not run.
// spec: 3.2, 3.3
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 4; printf("increment from %d\n", i), i++) scope {
    defer printf("deferred A %d\n", i);
    if (i % 2 == 1)
      continue;
    defer printf("deferred B %d\n", i);
    printf("even iteration %d\n", i);
  }
  return 0;
}
//> even iteration 0
//> deferred B 0
//> deferred A 0
//> increment from 0
//> deferred A 1
//> increment from 1
//> even iteration 2
//> deferred B 2
//> deferred A 2
//> increment from 2
//> deferred A 3
//> increment from 3
