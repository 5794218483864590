// defer-in-loop (negative): a loop whose body is a `scope` statement.  Each
// iteration enters a fresh defer scope and its deferred body runs at the end
// of that iteration, so nothing piles up.  The loop variable declared in the
// for-init is alive while the deferred body runs (the scope is nested inside
// the `for`), so this is not an escaping capture either.
// spec: defer-in-loop
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) scope {
    defer printf("end %d\n", i);
    printf("begin %d\n", i);
  }
  int n = 0;
  while (n < 2) {
    n++;
    scope {
      defer printf("while end %d\n", n);
      printf("while begin %d\n", n);
    }
  }
  return 0;
}
//> begin 0
//> end 0
//> begin 1
//> end 1
//> begin 2
//> end 2
//> while begin 1
//> while end 1
//> while begin 2
//> while end 2
