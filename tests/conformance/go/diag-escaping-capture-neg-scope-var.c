// escaping-capture (negative): variables declared in the defer's own scope
// (here the `scope` body and the function body) are alive when the deferred
// body runs at that scope's end.  The body sees the value at the time it
// runs (by reference): 2, not 1.
// spec: escaping-capture
#include <stdio.h>

int main(void)
{
  int outer = 10;
  defer printf("outer=%d\n", outer);
  scope {
    int x = 1;
    defer printf("x=%d\n", x);
    x = 2;
    outer = 11;
  }
  puts("after scope");
  return 0;
}
//> x=2
//> after scope
//> outer=11
