// A variable-length array declared in a scope, used by a defer of the same
// scope (so it is still alive when the deferred body runs); the scope sits
// in a loop body, so the VLA is re-created each iteration.
// requires: vla
// spec: 3.1, 3.3
#include <stdio.h>

static void f(int n)
{
  int round;
  for (round = 1; round <= 2; round++) scope {
    int a[n * round];
    int i, len = n * round;
    for (i = 0; i < len; i++)
      a[i] = i * round;
    defer {
      int s = 0, j;
      for (j = 0; j < len; j++)
        s += a[j];
      printf("round %d: len=%d sum=%d\n", round, len, s);
    }
    a[0] = 100;
  }
}

int main(void)
{
  f(3);
  return 0;
}
//> round 1: len=3 sum=103
//> round 2: len=6 sum=130
