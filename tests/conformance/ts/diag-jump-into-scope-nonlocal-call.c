// jump-into-scope (model ts): a call of a GNU nested function that may do
// a non-local goto to a label of the calling function after a defer is a
// jump forward past that defer into its scope (TS 25755 jump rules).
// Reported at the call, with a note at the defer.
// requires: nested-functions
// spec: 3.ts, jump-into-scope
// ts: extension
// rejects: line 19 (jump-into-scope)
#include <stdio.h>

void outer(int c)
{
  __label__ out;
  void inner(void)
  {
    if (c)
      goto out;
  }
  inner(); // expect-error: jump-into-scope
  _Defer puts("deferred");
  puts("body");
out:
  puts("out");
}

int main(void)
{
  outer(1);
  return 0;
}
