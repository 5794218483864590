// jump-into-scope (model ts): a case label after a defer statement in the
// same switch body: switching to it would enter the defer's scope without
// passing the defer. The error is at the case label.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b, 6.4 example 6
// rejects: line 16 (jump-into-scope)
#include <stdio.h>

void f(int x)
{
  switch (x) {
  case 0:
    _Defer puts("cleanup");
    puts("zero");
    break;
  case 1: // expect-error: jump-into-scope
    puts("one");
    break;
  }
}

int main(void)
{
  f(0);
  return 0;
}
