// jump-into-scope (positive): `case`/`default` labels inside a `scope` that
// is nested in the switch body (the switch body itself is a plain block)
// enter the scope without passing its start.  Located at each label.
// spec: jump-into-scope
// rejects: line 17 (jump-into-scope)
// rejects: line 20 (jump-into-scope)
#include <stdio.h>

static void pick(int k)
{
  switch (k) {
  case 0:
    puts("zero");
    break;
    scope {
      defer puts("leave");
  case 1: // expect-error: jump-into-scope
      puts("one");
      break;
  default: // expect-error: jump-into-scope
      puts("other");
    }
  }
}

int main(void)
{
  pick(1);
  return 0;
}
