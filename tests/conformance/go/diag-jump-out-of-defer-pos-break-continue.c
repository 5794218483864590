// jump-out-of-defer (positive): `break` and `continue` in a deferred body
// whose target loop is outside the body (the defer is in a loop-body scope,
// but nothing inside the deferred body is a loop or switch).
// spec: jump-out-of-defer
// rejects: line 14 (jump-out-of-defer)
// rejects: line 16 (jump-out-of-defer)
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) scope {
    defer {
      if (i == 1)
        continue; // expect-error: jump-out-of-defer
      if (i == 2)
        break; // expect-error: jump-out-of-defer
      printf("%d\n", i);
    }
  }
  return 0;
}
