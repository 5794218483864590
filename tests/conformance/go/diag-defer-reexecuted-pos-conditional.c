// defer-reexecuted (positive): the defer is conditional (in an `if` block)
// and the backward `goto` sits in another nested plain block; both are still
// in the function body's scope instance, as is the label, so a second pass
// could register the defer twice.
// spec: 3.7, defer-reexecuted
// rejects: line 19 (defer-reexecuted)
#include <stdio.h>

static void run(int flags)
{
  int round = 0;
top:
  round++;
  if (flags & 1) {
    defer printf("round %d\n", round);
  }
  if (round < 2) {
    puts("again");
    goto top; // expect-error: defer-reexecuted
  }
}

int main(void)
{
  run(1);
  return 0;
}
