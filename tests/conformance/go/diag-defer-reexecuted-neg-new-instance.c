// defer-reexecuted (negative): the label is before a `scope`, and the
// backward `goto` leaves the scope (running its deferred body) and enters a
// fresh instance of it from its start.  The defer registers once per scope
// instance, which is fine.  The label's own scope (the function body) has no
// defer between the label and the goto.
// spec: 3.7, defer-reexecuted
#include <stdio.h>

int main(void)
{
  int n = 0;
again:
  scope {
    n++;
    defer printf("leave %d\n", n);
    printf("enter %d\n", n);
    if (n < 3)
      goto again;
  }
  puts("end");
  return 0;
}
//> enter 1
//> leave 1
//> enter 2
//> leave 2
//> enter 3
//> leave 3
//> end
