// computed-goto-out-of-scope (model ts): a non-local goto out of a GNU
// nested function leaves the block of its deferred block without running
// it (GCC's cleanup machinery does not run for non-local gotos).
// Reported at the goto, with a note at the defer.
// requires: nested-functions
// spec: 3.ts, computed-goto-out-of-scope
// ts: extension
// rejects: line 18 (computed-goto-out-of-scope)
#include <stdio.h>

void outer(int c)
{
  __label__ out;
  void inner(void)
  {
    _Defer puts("inner defer");
    if (c)
      goto out; // expect-error: computed-goto-out-of-scope
  }
  inner();
out:
  puts("out");
}

int main(void)
{
  outer(1);
  return 0;
}
