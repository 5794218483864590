// jump-into-scope (model ts): a case label of the enclosing switch placed
// inside a deferred block: the switch would jump into the deferred block.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3a
// rejects: line 17 (jump-into-scope)
#include <stdio.h>

void f(int x)
{
  switch (x) {
  case 0:
    puts("zero");
    break;
  case 1: {
    _Defer {
      puts("cleanup");
    case 2: // expect-error: jump-into-scope
      puts("two");
    }
    puts("one");
  }
  }
}

int main(void)
{
  f(1);
  return 0;
}
