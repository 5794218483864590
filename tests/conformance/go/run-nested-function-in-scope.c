// A GNU nested function defined inside a `scope` of the enclosing function:
// its own return runs only its own deferred bodies, never those of the
// enclosing function's scope, which run when that scope ends.
// requires: nested-functions
// spec: 3.1
#include <stdio.h>

int main(void)
{
  int calls = 0;
  scope {
    defer printf("outer scope deferred, calls=%d\n", calls);
    int inner(int x)
    {
      defer printf(" inner(%d) deferred\n", x);
      calls++;
      if (x)
        return 1;
      scope {
        defer puts(" inner scope deferred");
      }
      return 0;
    }
    int a = inner(1);
    int b = inner(0);
    printf("end of scope: a=%d b=%d\n", a, b);
  }
  puts("after scope");
  return 0;
}
//>  inner(1) deferred
//>  inner scope deferred
//>  inner(0) deferred
//> end of scope: a=1 b=0
//> outer scope deferred, calls=2
//> after scope
