// A statement expression inside a deferred body is its own defer scope:
// its defers run when it ends, inside the deferred body.
// requires: statement-expressions
// spec: 3.1, 3.6
#include <stdio.h>

int main(void)
{
  int n = 1;
  defer printf("value %d\n", ({
    defer puts("inner statement-expression deferred");
    n * 5;
  }));
  n = 2;
  puts("main body");
  return 0;
}
//> main body
//> inner statement-expression deferred
//> value 10
