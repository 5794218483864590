// Model ts (TS 25755 jump rules): a goto past a whole block that holds a
// defer does not enter that block, so it is allowed -- also when the
// block's line follows a preprocessing directive. The defer is never
// reached and never runs.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b, 6.4 example 1
#include <stdio.h>

static void f(void) { puts("deferred"); }

static void g(int x)
{
  if (x)
    goto out;
#if 1
  { _Defer f(); }
#endif
out:
  puts("out");
}

int main(void)
{
  g(1);
  g(0);
  return 0;
}
//> out
//> deferred
//> out
