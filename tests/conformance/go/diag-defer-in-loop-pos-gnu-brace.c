// defer-in-loop (positive): the loop body's `{` on a line of its own (GNU
// style) is the same compound statement: the error is at the defer (SPEC 4).
// The fix-it inserts `scope ` before that `{` (SPEC 4 table); the parity
// test (tests/parity) compares the backends' fix-its for it.
// spec: defer-in-loop
// rejects: line 13 (defer-in-loop)
#include <stdio.h>

static void work(int n)
{
  for (int i = 0; i < n; i++)
    {
      defer printf("%d\n", i); // expect-error: defer-in-loop
    }
}

int main(void)
{
  work(2);
  return 0;
}
