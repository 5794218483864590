// defer-in-plain-block (positive): a bare `{ }` block after a goto label.
// A labelled compound statement is still a bare block statement, so the
// defer in it runs at the end of the function, not of the block (SPEC 4,
// defer-in-plain-block; decision of issue 12).  Before issue 12 the
// front end gave no warning.
// spec: defer-in-plain-block
#include <stdio.h>

static void work(int n)
{
  if (n > 1)
    goto again;
  puts("first");
again: { defer puts("deferred"); } // expect-warning: defer-in-plain-block
  puts("end of work");
}

int main(void)
{
  work(1);
  return 0;
}
//> first
//> end of work
//> deferred
