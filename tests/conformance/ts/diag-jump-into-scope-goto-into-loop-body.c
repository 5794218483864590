// jump-into-scope (model ts): a goto from outside a loop to a label in the
// loop body after a defer enters the body block past the defer.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b
// rejects: line 12 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 9)
    goto resume; // expect-error: jump-into-scope
  for (int i = 0; i < 2; i++) {
    _Defer printf("end %d\n", i);
  resume:
    printf("body %d\n", i);
  }
  return 0;
}
