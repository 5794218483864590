// empty-defer (positive): `_Defer ;` defers nothing (SPEC section 4,
// empty-defer: "`defer ;`").  Plain `defer ;` is not the keyword (SPEC 2:
// `;` does not follow a keyword `defer`), so the reserved spelling is used.
// A warning: the program runs normally.
// spec: empty-defer
#include <stdio.h>

int main(void)
{
  _Defer ; // expect-warning: empty-defer
  puts("body");
  return 0;
}
//> body
