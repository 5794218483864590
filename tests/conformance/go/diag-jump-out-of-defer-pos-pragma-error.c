// jump-out-of-defer (positive): `#pragma cdefer ignore "ID"` silences
// warnings only (SPEC 4, controls: warnings can be turned off; errors
// reject the program).  Naming an error ID in the pragma changes nothing:
// the return in the deferred body is still an error, on every backend
// (the plugin also says the pragma names no warning, -Wpragmas).
// spec: 4, jump-out-of-defer
// rejects: line 13 (jump-out-of-defer)
#include <stdio.h>

static int f(void)
{
#pragma cdefer ignore "jump-out-of-defer"
  defer { return 2; } // expect-error: jump-out-of-defer
  return 1;
}

int main(void)
{
  return f();
}
