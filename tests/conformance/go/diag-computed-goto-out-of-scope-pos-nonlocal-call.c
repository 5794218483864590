// computed-goto-out-of-scope: a nested function that does a non-local
// goto to a label of the containing function, called inside a scope of
// that function with a deferred body registered, leaves that scope
// without running the body (GCC's cleanup machinery does not run for
// non-local gotos). Reported at the call, with a note at the defer.
// requires: nested-functions
// spec: computed-goto-out-of-scope
// rejects: line 21 (computed-goto-out-of-scope)
#include <stdio.h>

void outer(int c)
{
  __label__ out;
  void inner(void)
  {
    if (c)
      goto out;
  }
  scope {
    defer puts("scope defer");
    inner(); // expect-error: computed-goto-out-of-scope
  }
out:
  puts("out");
}

int main(void)
{
  outer(1);
  return 0;
}
