// TS 25755 6.4 EXAMPLE 8: a defer statement that is not reached is not
// executed: main returns before it, so its deferred block (here a print
// besides the draft's free) never runs and p is leaked.
// spec: 3.ts, 3.2
// ts: 6.4p9, 6.4 example 8
#include <stddefer.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  void *p = malloc(1);
  puts("returning");
  return 0;
  defer { puts("not executed"); free(p); } // not executed, p is leaked
}
//> returning
