// goto backward to a label before a scope (outside it) leaves the scope:
// its deferred bodies run each time, and the scope is entered afresh.
// spec: 3.3
#include <stdio.h>

int main(void)
{
  int n = 0;
again:
  scope {
    defer printf("leave scope, n=%d\n", n);
    n++;
    printf("in scope, n=%d\n", n);
    if (n < 3)
      goto again;
    puts("done");
  }
  puts("after scope");
  return 0;
}
//> in scope, n=1
//> leave scope, n=1
//> in scope, n=2
//> leave scope, n=2
//> in scope, n=3
//> done
//> leave scope, n=3
//> after scope
