// TS 25755: returning a structure that is not a local variable (a compound
// literal built from locals): the value is computed before the deferred
// blocks modify those locals. No NRVO is involved, so Clang agrees here.
// spec: 3.ts, 3.4
// ts: 6.4p4
#include <stdio.h>

struct pt { int x, y; };

static struct pt f(void)
{
  int x = 1, y = 2;
  _Defer { x = -1; y = -2; }
  return (struct pt){ x, y };
}

int main(void)
{
  struct pt p = f();
  printf("%d %d\n", p.x, p.y);
  return 0;
}
//> 1 2
