// defer-in-loop (positive): the defer statement is itself the body of a
// `while` loop (no braces).  It is still inside the loop body and the loop is
// inside the defer's scope (the function body), so it piles up.
// spec: defer-in-loop
// rejects: line 13 (defer-in-loop)
#include <stdio.h>

static int left = 3;

static void drain(void)
{
  while (left-- > 0)
    defer puts("drained"); // expect-error: defer-in-loop
}

int main(void)
{
  drain();
  return 0;
}
