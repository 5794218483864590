// break inside a loop-body scope leaves the scope: its deferred bodies run
// before control reaches the statement after the loop.
// spec: 3.3
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 10; i++) scope {
    defer printf("deferred A %d\n", i);
    if (i == 2) {
      puts("break");
      break;
    }
    defer printf("deferred B %d\n", i);
    printf("iteration %d\n", i);
  }
  printf("after loop, i=%d\n", i);
  return 0;
}
//> iteration 0
//> deferred B 0
//> deferred A 0
//> iteration 1
//> deferred B 1
//> deferred A 1
//> break
//> deferred A 2
//> after loop, i=2
