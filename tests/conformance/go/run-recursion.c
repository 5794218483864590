// Recursion: each call (frame) has its own registrations; the deferred
// bodies unwind in the reverse order of the calls, each seeing its own
// frame's variables.
// spec: 3.3, 3.7
#include <stdio.h>

static int depth_max;

static int rec(int n)
{
  int local = n * 10;
  printf("enter %d\n", n);
  defer printf("leave %d (local=%d)\n", n, local);
  if (n == 0)
    return 0;
  if (n > depth_max)
    depth_max = n;
  local += rec(n - 1);
  return local;
}

int main(void)
{
  int r = rec(3);
  printf("rec(3)=%d max=%d\n", r, depth_max);
  return 0;
}
//> enter 3
//> enter 2
//> enter 1
//> enter 0
//> leave 0 (local=0)
//> leave 1 (local=10)
//> leave 2 (local=30)
//> leave 3 (local=60)
//> rec(3)=60 max=3
