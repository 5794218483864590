// jump-out-of-defer (positive): a `break` in a deferred body that sits in a
// `switch` case: the break would target the switch, which is outside the
// deferred body.  Also a `return` with a value from a deferred body inside a
// statement expression.
// requires: statement-expressions
// spec: jump-out-of-defer
// rejects: line 17 (jump-out-of-defer)
// rejects: line 24 (jump-out-of-defer)
#include <stdio.h>

static int classify(int k)
{
  switch (k) {
  case 1:
    defer {
      if (k > 0)
        break; // expect-error: jump-out-of-defer
      puts("one");
    }
    break;
  default:
    break;
  }
  int r = ({ defer { if (k) return -1; } k + 1; }); // expect-error: jump-out-of-defer
  return r;
}

int main(void)
{
  return classify(1) == 2 ? 0 : 1;
}
