// jump-into-scope (positive): a *backward* `goto` from after a `scope` to a
// label inside its body also enters the scope without passing its start;
// and a `goto` from one sibling scope into another.
// spec: jump-into-scope
// rejects: line 18 (jump-into-scope)
// rejects: line 21 (jump-into-scope)
#include <stdio.h>

int main(void)
{
  int n = 0;
  scope {
    puts("first scope");
  mid:
    n++;
  }
  if (n < 2)
    goto mid; // expect-error: jump-into-scope
  scope {
    if (n > 5)
      goto other; // expect-error: jump-into-scope
  }
  scope {
    puts("second scope");
  other:
    puts("other");
  }
  return 0;
}
