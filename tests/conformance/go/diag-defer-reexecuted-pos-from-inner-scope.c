// defer-reexecuted (positive): the backward `goto` is inside a nested `scope`
// and jumps to a label in the enclosing scope before that scope's defer.
// Leaving the inner scope runs the inner deferred bodies, but the outer scope
// instance is not left, so its defer would register twice.
// spec: 3.7, defer-reexecuted
// rejects: line 18 (defer-reexecuted)
#include <stdio.h>

int main(void)
{
  int pass = 0;
start:
  pass++;
  defer printf("outer %d\n", pass);
  scope {
    defer puts("inner");
    if (pass < 2)
      goto start; // expect-error: defer-reexecuted
  }
  return 0;
}
