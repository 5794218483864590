// computed-goto-out-of-scope: the non-local goto is in a function nested
// in a nested function; the call of the outer nested function inside a
// scope with a deferred body may leave that scope without running the
// body.  Reported at the call, with a note at the defer; the non-local
// goto itself leaves no scope with defers.
// requires: nested-functions
// spec: computed-goto-out-of-scope
// rejects: line 25 (computed-goto-out-of-scope)
#include <stdio.h>

void outer(int c)
{
  __label__ out;
  void inner(void)
  {
    void deeper(void)
    {
      if (c)
        goto out;
    }
    deeper();
  }
  scope {
    defer puts("deferred");
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
