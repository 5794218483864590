// computed-goto-out-of-scope: a non-local goto out of a GNU nested
// function to a label of the containing function leaves the nested
// function's scope with its deferred body registered. GCC implements a
// non-local goto like a computed jump, and its cleanup machinery does not
// run for it, so the deferred body would silently not run. Reported at
// the goto, with a note at the defer.
// requires: nested-functions
// spec: computed-goto-out-of-scope
// rejects: line 19 (computed-goto-out-of-scope)
#include <stdio.h>

void outer(int c)
{
  __label__ out;
  void inner(void)
  {
    defer puts("inner defer");
    if (c)
      goto out; // expect-error: computed-goto-out-of-scope
    puts("inner end");
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
