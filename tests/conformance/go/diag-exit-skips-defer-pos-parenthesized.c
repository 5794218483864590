// exit-skips-defer (positive): `(exit)(3)` calls exit as surely as
// `exit(3)` (the parentheses only stop a macro named exit from expanding),
// with a defer registered: the deferred body does not run (SPEC 3.8, 4).
// Before issue 12 the front end gave no warning for this spelling.
// expect-exit: 3
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  defer puts("never printed");
  puts("body");
  (exit)(3); // expect-warning: exit-skips-defer
}
//> body
