// TS 25755 6.4 EXAMPLE 6: a switch body may hold defer statements, but the
// switch may not jump into the scope of one: `default:` follows a defer
// of the same block, so switching to it would pass that defer (6.4p3b).
// cdefer reports jump-into-scope at the label (the draft marks the defer
// statement it passes).  The defer under `default:` itself is fine.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b, 6.4 example 6
// rejects: line 17 (jump-into-scope)
#include <stddefer.h>
#include <stdlib.h>

int main(void)
{
  void *p = malloc(1);
  switch (1) {
  defer free(p); // constraint violation
  default: // expect-error: jump-into-scope
    defer free(p);
    break;
  }
  return 0;
}
