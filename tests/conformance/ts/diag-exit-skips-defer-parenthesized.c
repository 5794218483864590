// exit-skips-defer (model ts): `(exit)(3)` calls exit as surely as
// `exit(3)`, with a defer registered: the deferred block does not run (SPEC
// 3.8, 4; the TS: exit does not run deferred blocks).  Before issue 12
// the front end gave no warning for this spelling.
// expect-exit: 3
// spec: 3.8, exit-skips-defer
// ts: 6.4p9
#include <stddefer.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  defer puts("never printed");
  puts("body");
  (exit)(3); // expect-warning: exit-skips-defer
}
//> body
