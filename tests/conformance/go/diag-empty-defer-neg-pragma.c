// empty-defer (negative): `#pragma cdefer ignore "empty-defer"` on the line
// before silences the warning for that statement (SPEC section 4, controls:
// per-site `#pragma cdefer ignore "ID"`).  Comment lines between the pragma
// and the statement do not matter.
// spec: 4, empty-defer
#include <stdio.h>

int main(void)
{
#pragma cdefer ignore "empty-defer"
  defer {}
#pragma cdefer ignore "empty-defer"
  // placeholder: the release is added in a later version
  _Defer ;
  puts("body");
  return 0;
}
//> body
