// jump-into-scope (model ts): a default label after a defer in the same
// switch body, and one that is nested in a block after the defer (still in
// the defer's scope): both are errors, each at its label.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b, 6.4 example 6
// rejects: line 16 (jump-into-scope)
// rejects: line 26 (jump-into-scope)
#include <stdio.h>

void f(int x)
{
  switch (x) {
  case 0:
    _Defer puts("cleanup");
    puts("zero");
  default: // expect-error: jump-into-scope
    puts("default");
  }
}

void g(int x)
{
  switch (x) {
    _Defer puts("cleanup");
    {
    case 1: // expect-error: jump-into-scope
      puts("one");
    }
  }
}

int main(void)
{
  f(0);
  g(1);
  return 0;
}
