// exit-skips-defer (positive): _Exit() with a defer pending -- here the defer
// belongs to a `scope` that the call is inside (SPEC section 4,
// exit-skips-defer names `_Exit`).  _Exit does not flush stdio, so the program
// flushes first; "scope cleanup" and "outer cleanup" are never printed.
// expect-exit: 4
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  defer puts("outer cleanup");
  scope {
    defer puts("scope cleanup");
    puts("in scope");
    fflush(stdout);
    _Exit(4); // expect-warning: exit-skips-defer
  }
  return 0;
}
//> in scope
