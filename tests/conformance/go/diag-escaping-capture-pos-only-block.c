// escaping-capture (positive): a function body that holds only a bare block.
// The defer belongs to the function body (SPEC 3.1), so `free(tmp)` runs
// when the function returns, after the block that declares `tmp` has ended:
// escaping-capture (SPEC 4); the defer is directly in a bare block, so also
// defer-in-plain-block.  Before issue 12 the plugin took the block for the
// function body and did not report escaping-capture.
// spec: escaping-capture
// rejects: line 13 (escaping-capture)
#include <stdlib.h>

static void work(void)
{
  { char *tmp = malloc(4); defer free(tmp); } // expect-warning: defer-in-plain-block // expect-error: escaping-capture
}

int main(void)
{
  work();
  return 0;
}
