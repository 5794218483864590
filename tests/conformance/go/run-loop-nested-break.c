// break from an inner scope nested in a loop-body scope leaves both scopes
// (innermost deferred bodies first); an inner loop's break only leaves the
// inner loop's scope.
// spec: 3.3
#include <stdio.h>

int main(void)
{
  int i, j;
  for (i = 0; i < 3; i++) scope {
    defer printf("outer deferred %d\n", i);
    for (j = 0; j < 3; j++) scope {
      defer printf("  inner deferred %d.%d\n", i, j);
      if (j == 1)
        break;
      printf("  inner body %d.%d\n", i, j);
    }
    scope {
      defer printf(" block deferred %d\n", i);
      if (i == 1) {
        puts(" breaking outer loop");
        break;
      }
      printf(" block body %d\n", i);
    }
    printf("outer tail %d\n", i);
  }
  printf("done i=%d\n", i);
  return 0;
}
//>   inner body 0.0
//>   inner deferred 0.0
//>   inner deferred 0.1
//>  block body 0
//>  block deferred 0
//> outer tail 0
//> outer deferred 0
//>   inner body 1.0
//>   inner deferred 1.0
//>   inner deferred 1.1
//>  breaking outer loop
//>  block deferred 1
//> outer deferred 1
//> done i=1
