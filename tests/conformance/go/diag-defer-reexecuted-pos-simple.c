// defer-reexecuted (positive): a backward `goto` to a label before a `defer`
// in the same scope instance: the defer could register a second time while
// the first registration is still pending (cdefer's static lowering allows
// one registration per defer per scope entry).  Located at the `goto`.
// spec: 3.7, defer-reexecuted
// rejects: line 15 (defer-reexecuted)
#include <stdio.h>

int main(void)
{
  int n = 0;
again:
  defer printf("deferred %d\n", n);
  if (++n < 3)
    goto again; // expect-error: defer-reexecuted
  return 0;
}
