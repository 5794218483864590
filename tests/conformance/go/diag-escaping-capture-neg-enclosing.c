// escaping-capture (negative): a variable declared in a block that encloses
// the defer's scope (the `if` block around a `scope`, the `for` header around
// a loop-body scope) is alive when the scope exits, so the deferred body may
// use it.  So may a function parameter (declared in the function body's
// scope) and a variable declared inside the deferred body itself.
// spec: escaping-capture
#include <stdio.h>

static void show(int param)
{
  defer printf("param=%d\n", param);
  if (param > 0) {
    int y = param * 2;
    scope {
      defer printf("y=%d\n", y);
      y++;
    }
  }
  for (int i = 0; i < 2; i++) scope {
    defer { int sq = i * i; printf("sq=%d\n", sq); }
  }
  param = 0;
}

int main(void)
{
  show(5);
  return 0;
}
//> y=11
//> sq=0
//> sq=1
//> param=0
