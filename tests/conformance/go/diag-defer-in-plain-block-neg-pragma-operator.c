// defer-in-plain-block (negative): `_Pragma("cdefer ignore \"ID\"")`, here
// from a macro, silences the diagnostic at the next statement like the
// `#pragma` (SPEC section 4, controls: "per site `#pragma cdefer ignore "ID"`
// (also as `_Pragma`)").  The blocks are bare, so the deferred bodies still
// run at the end of main (SPEC 3.1).
// spec: 4, defer-in-plain-block
#include <stdio.h>

#define QUIET_PLAIN_BLOCK _Pragma("cdefer ignore \"defer-in-plain-block\"")

int main(void)
{
  {
    QUIET_PLAIN_BLOCK
    defer puts("first");
  }
  {
    _Pragma("cdefer ignore \"defer-in-plain-block\"")
    defer puts("second");
  }
  puts("end");
  return 0;
}
//> end
//> second
//> first
