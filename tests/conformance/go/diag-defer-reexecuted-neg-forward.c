// defer-reexecuted (negative): a *forward* `goto` past a defer is allowed in
// model go: the defer is simply not registered on that path (SPEC 3.7: a
// flag records whether it was reached), so its body does not run.
// spec: 3.7, defer-reexecuted
#include <stdio.h>

static void f(int skip)
{
  puts("start");
  if (skip)
    goto out;
  puts("lock");
  defer puts("unlock");
out:
  puts("out");
}

int main(void)
{
  f(1);
  f(0);
  return 0;
}
//> start
//> out
//> start
//> lock
//> out
//> unlock
