// escaping-capture (positive): a write counts as a use.  `y` is declared in
// the body of a `switch`, which is a plain block (not a defer scope) nested
// inside the function body; the deferred body assigns to it after it is dead.
// spec: escaping-capture
// rejects: line 14 (escaping-capture)
#include <stdio.h>

static int pick(int k)
{
  switch (k) {
    int y;
  case 1:
    y = 10;
    defer y = 0; // expect-error: escaping-capture
    printf("y=%d\n", y);
    break;
  default:
    break;
  }
  return k;
}

int main(void)
{
  return pick(1) - 1;
}
