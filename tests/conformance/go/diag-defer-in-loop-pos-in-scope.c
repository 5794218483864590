// defer-in-loop (positive): the loop is inside a `scope` body, and the defer
// inside the loop body belongs to that scope, so it piles up until the scope
// exits.  Also: a loop inside a deferred body, with a defer in the loop body
// (the deferred body is the inner defer's scope, and the loop is inside it).
// spec: defer-in-loop
// rejects: line 15 (defer-in-loop)
// rejects: line 22 (defer-in-loop)
#include <stdio.h>

int main(void)
{
  int k = 0;
  scope {
    while (k < 2) {
      defer puts("inner"); // expect-error: defer-in-loop
      k++;
    }
  }
  defer {
    int j;
    for (j = 0; j < 2; j++) {
      defer puts("nested"); // expect-error: defer-in-loop
    }
  }
  return 0;
}
