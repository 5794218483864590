// exit-skips-defer (positive): `(exit)(3)` calls exit as surely as
// `exit(3)` (the parentheses only stop a macro named exit from expanding),
// with a defer registered: the deferred body does not run (SPEC 3.8, 4).
// Issue 12: the front end gives no warning for this spelling (the plugin
// does).
// known-failure: lower-* issue-12 the front end does not see (exit)(N) as a call of exit
// expect-exit: 3
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  defer puts("never printed");
  puts("body");
  (exit)(3); // expect-warning: exit-skips-defer
}
//> body
