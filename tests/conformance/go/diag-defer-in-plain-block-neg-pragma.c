// defer-in-plain-block (negative): `#pragma cdefer ignore "ID"` silences the
// diagnostic at the next statement, and `_Pragma` does the same from a macro
// (SPEC section 4, controls: "per site `#pragma cdefer ignore "ID"` (also as
// `_Pragma`), which applies to the next statement").  The blocks are bare,
// so the deferred bodies still run at the end of main (SPEC 3.1).
#include <stdio.h>

#define QUIET_PLAIN_BLOCK _Pragma("cdefer ignore \"defer-in-plain-block\"")

int main(void)
{
  {
#pragma cdefer ignore "defer-in-plain-block"
    defer puts("first");
  }
  {
    QUIET_PLAIN_BLOCK
    defer puts("second");
  }
  puts("end");
  return 0;
}
//> end
//> second
//> first
