// Loop pragmas (#pragma GCC unroll / ivdep) directly before loops whose
// bodies are scopes, in a function that has defers: the lowering must not
// put anything between a pragma and its loop.
// spec: 3.1
#include <stdio.h>

static int total;

int main(void)
{
  int i, a[8];
  defer printf("main deferred, total=%d\n", total);
#pragma GCC unroll 4
  for (i = 0; i < 8; i++) scope {
    defer total += i;
    a[i] = i * 2;
  }
#pragma GCC ivdep
  for (i = 0; i < 8; i++) scope {
    defer a[i] += 1;
  }
  printf("total=%d a[7]=%d\n", total, a[7]);
  return 0;
}
//> total=28 a[7]=15
//> main deferred, total=28
