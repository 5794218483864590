// computed-goto-out-of-scope, negative: non-local gotos that leave no
// scope with deferred bodies are fine. The label they reach may lie after
// a defer that was never reached (SPEC 3.7): that defer must not run.
// requires: nested-functions
// spec: computed-goto-out-of-scope
#include <stdio.h>

static void outer(int c)
{
  __label__ out;
  void inner(void)
  {
    if (c)
      goto out;
    puts("inner returns");
  }
  inner();
  defer puts("outer defer");
  puts("after the call");
out:
  puts("out");
}

int main(void)
{
  outer(1);
  outer(0);
  return 0;
}
//> out
//> inner returns
//> after the call
//> out
//> outer defer
