// escaping-capture (positive): `tmp` is declared in a bare block nested
// that is the whole body of a `scope` statement.  The defer belongs to the scope
// body (SPEC 3.1: a bare block is not a defer scope), so `free(tmp)` runs
// when the scope ends, after the block that holds `tmp` has ended: the use
// is escaping-capture (SPEC 4).  The defer is also directly in a bare block:
// defer-in-plain-block.  Before issue 12 the plugin took the block for the
// scope's own (GCC keeps one BIND_EXPR when the scope's braces declare
// nothing) and did not report escaping-capture.
// spec: escaping-capture
// rejects: line 17 (escaping-capture)
#include <stdio.h>
#include <stdlib.h>

static void work(void)
{
  scope {
    { char *tmp = malloc(4); defer free(tmp); } // expect-warning: defer-in-plain-block // expect-error: escaping-capture
  }
  puts("after the scope");
}

int main(void)
{
  work();
  return 0;
}
