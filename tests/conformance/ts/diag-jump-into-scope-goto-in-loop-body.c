// jump-into-scope (model ts): inside a loop body (a block of its own) a
// forward goto from before a defer to a label after it is still a jump
// into the defer's scope.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b
// rejects: line 13 (jump-into-scope)
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) {
    if (i == 1)
      goto next; // expect-error: jump-into-scope
    _Defer printf("end %d\n", i);
    printf("body %d\n", i);
  next:;
  }
  return 0;
}
