// jump-into-scope (model ts): the target label is inside a nested block
// that follows the defer; reaching it from before the defer still enters
// the defer's scope without passing the defer statement.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b, 6.4 example 1
// rejects: line 12 (jump-into-scope)
#include <stdio.h>

void f(int c)
{
  if (c)
    goto inside; // expect-error: jump-into-scope
  {
    _Defer puts("cleanup");
    {
      puts("work");
    inside:
      puts("inside");
    }
  }
}

int main(void)
{
  f(0);
  return 0;
}
