// jump-into-scope (positive): the allowance for `switch (e) scope { ... }`
// covers only the switch body's own scope.  A `case` label inside a second
// `scope` nested in that body enters the inner scope without passing its
// start.
// spec: jump-into-scope
// rejects: line 17 (jump-into-scope)
#include <stdio.h>

static void pick(int k)
{
  switch (k) scope {
  case 1:
    puts("one");
    break;
    scope {
      defer puts("inner done");
  case 2: // expect-error: jump-into-scope
      puts("two");
    }
    break;
  }
}

int main(void)
{
  pick(2);
  return 0;
}
