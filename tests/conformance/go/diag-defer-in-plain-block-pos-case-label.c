// defer-in-plain-block (positive): a bare `{ }` block after a `case` label.
// A labelled compound statement is still a bare block statement, not the
// body of an if/else/switch, so the defer in it runs at the end of the
// function, not of the block (SPEC 4, defer-in-plain-block; decision of
// issue 12).  Before issue 12 the front end gave no warning.
// spec: defer-in-plain-block
#include <stdio.h>

static void work(int n)
{
  switch (n) {
  case 1: { defer puts("case 1 deferred"); } // expect-warning: defer-in-plain-block
    puts("after the block");
    break;
  default:
    break;
  }
  puts("end of work");
}

int main(void)
{
  work(1);
  return 0;
}
//> after the block
//> end of work
//> case 1 deferred
