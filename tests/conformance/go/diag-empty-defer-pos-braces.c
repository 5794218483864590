// empty-defer (positive): `defer {}` and `_Defer {}` -- also with only a
// comment or only empty statements inside -- defer nothing (SPEC section 4,
// empty-defer: "`defer {}`").
// spec: empty-defer
#include <stdio.h>

int main(void)
{
  defer {} // expect-warning: empty-defer
  _Defer {} // expect-warning: empty-defer
  defer { /* nothing yet */ } // expect-warning: empty-defer
  defer { ; ; } // expect-warning: empty-defer
  puts("body");
  return 0;
}
//> body
