// A label after a defer is the target of a forward goto from before the
// defer (which skips it) and of a backward goto from after it (a retry
// loop, which does not re-execute it): the deferred body runs once when
// the defer statement was executed, and not at all when it was skipped.
// spec: 3.7
#include <stdio.h>

static void f(int skip)
{
  int tries = 0;
  if (skip)
    goto retry;
  defer printf("deferred (skip=%d, tries=%d)\n", skip, tries);
retry:
  tries++;
  if (tries < 2)
    goto retry;
  printf("f(%d) done after %d tries\n", skip, tries);
}

int main(void)
{
  f(0);
  f(1);
  return 0;
}
//> f(0) done after 2 tries
//> deferred (skip=0, tries=2)
//> f(1) done after 2 tries
