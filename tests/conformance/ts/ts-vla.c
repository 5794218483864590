// Model ts with a variable length array: a deferred block in the VLA's
// block can still use the array (its lifetime ends after the deferred
// blocks of that block have run), in every iteration of a loop.
// requires: vla
// spec: 3.ts
// ts: 6.4p4
#include <stdio.h>

static void fill(int n)
{
  for (int round = 0; round < 2; round++) {
    int a[n];
    _Defer {
      int sum = 0;
      for (int i = 0; i < n; i++)
        sum += a[i];
      printf("round %d sum %d\n", round, sum);
    }
    for (int i = 0; i < n; i++)
      a[i] = i + round;
  }
}

int main(void)
{
  fill(4);
  return 0;
}
//> round 0 sum 6
//> round 1 sum 10
