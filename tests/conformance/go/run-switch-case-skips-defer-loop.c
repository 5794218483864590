// A plain switch inside a loop-body scope: a case label after a defer
// skips it.  Whether the defer registered is decided per iteration (per
// entry of the scope): iteration 0 registers it, iterations 1 and 2 enter
// below it and must not run it.
// spec: 3.7
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 3; i++) scope {
    switch (i) {
    case 0:
      defer printf("deferred from case 0, iteration %d\n", i);
      /* fallthrough */
    case 1:
      printf("case 1 part, i=%d\n", i);
      break;
    default:
      printf("default, i=%d\n", i);
      break;
    }
  }
  return 0;
}
//> case 1 part, i=0
//> deferred from case 0, iteration 0
//> case 1 part, i=1
//> default, i=2
