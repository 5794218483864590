// jump-out-of-defer (positive): a `continue` inside a `switch` that is inside
// the deferred body.  The switch does not capture `continue`, so its target
// is the `for` loop outside the deferred body.  (A `break` there would be
// fine: it targets the switch.)
// spec: jump-out-of-defer
// rejects: line 15 (jump-out-of-defer)
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 2; i++) scope {
    defer {
      switch (i) {
      case 0:
        continue; // expect-error: jump-out-of-defer
      default:
        break;
      }
      printf("%d\n", i);
    }
  }
  return 0;
}
