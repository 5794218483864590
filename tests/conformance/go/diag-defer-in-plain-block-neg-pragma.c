// defer-in-plain-block (negative): `#pragma cdefer ignore "ID"` silences the
// diagnostic at the next statement (SPEC section 4, controls: "per site
// `#pragma cdefer ignore "ID"` ... applies to the next statement").  Comment
// lines between the pragma and the statement do not matter.  The blocks are
// bare, so the deferred bodies still run at the end of main (SPEC 3.1).  The
// `_Pragma` form is in diag-defer-in-plain-block-neg-pragma-operator.c.
// spec: 4, defer-in-plain-block
#include <stdio.h>

int main(void)
{
  {
#pragma cdefer ignore "defer-in-plain-block"
    defer puts("first");
  }
  {
    puts("second block");
#pragma cdefer ignore "defer-in-plain-block"
    // registered here, runs at the end of main
    defer puts("second");
  }
  puts("end");
  return 0;
}
//> second block
//> end
//> second
//> first
