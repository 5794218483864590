// continue from a scope nested inside a plain loop body leaves that scope
// (its deferred bodies run) and goes on with the next iteration; the loop
// body itself is a plain block, the defers belong to the inner scope.
// spec: 3.1, 3.3
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 3; i++) {
    printf("iteration %d\n", i);
    scope {
      defer printf(" inner deferred %d\n", i);
      if (i == 1)
        continue;
      printf(" inner body %d\n", i);
    }
    printf(" after inner scope %d\n", i);
  }
  return 0;
}
//> iteration 0
//>  inner body 0
//>  inner deferred 0
//>  after inner scope 0
//> iteration 1
//>  inner deferred 1
//> iteration 2
//>  inner body 2
//>  inner deferred 2
//>  after inner scope 2
