// TS 25755: registrations belong to the block *instance*: each activation
// of a recursive function has its own deferred blocks, run as that
// activation's blocks are exited (so they unwind in reverse order of the
// calls).
// spec: 3.ts, 3.7
// ts: 6.4p4
#include <stdio.h>

static void down(int n)
{
  if (n == 0) {
    puts("bottom");
    return;
  }
  _Defer printf("leave %d\n", n);
  printf("enter %d\n", n);
  down(n - 1);
}

int main(void)
{
  down(3);
  return 0;
}
//> enter 3
//> enter 2
//> enter 1
//> bottom
//> leave 1
//> leave 2
//> leave 3
