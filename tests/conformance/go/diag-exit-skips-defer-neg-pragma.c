// exit-skips-defer (negative): `#pragma cdefer ignore "exit-skips-defer"`
// before the call says that skipping the deferred body is intended (SPEC
// section 4, controls: per site `#pragma cdefer ignore "ID"`).  The deferred
// body still does not run (SPEC 3.8).
// expect-exit: 2
// spec: 3.8, 4, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  defer puts("cleanup");
  puts("body");
#pragma cdefer ignore "exit-skips-defer"
  exit(2);
}
//> body
