// Deferred bodies run before control reaches the loop condition: a defer
// in a loop-body scope that advances the loop variable drives the loop.
// spec: 3.3, 3.5
#include <stdio.h>

int main(void)
{
  int n = 0;
  while (n < 3) scope {
    defer n++;
    printf("n=%d\n", n);
  }
  printf("final n=%d\n", n);
  do scope {
    defer n--;
    if (n == 2)
      continue;
    printf("down n=%d\n", n);
  } while (n > 0);
  printf("final n=%d\n", n);
  return 0;
}
//> n=0
//> n=1
//> n=2
//> final n=3
//> down n=3
//> down n=1
//> final n=0
