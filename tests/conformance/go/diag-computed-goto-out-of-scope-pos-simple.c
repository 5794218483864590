// computed-goto-out-of-scope (positive): `goto *p` in a scope that has a
// defer, whose only possible target (an address-taken label) is outside the
// scope.  GCC's cleanup machinery does not run cleanups on computed gotos,
// so the deferred body would silently be skipped.  Located at the `goto`.
// requires: computed-goto
// spec: computed-goto-out-of-scope
// rejects: line 15 (computed-goto-out-of-scope)
#include <stdio.h>

int main(void)
{
  void *target = &&out;
  scope {
    defer puts("cleanup");
    goto *target; // expect-error: computed-goto-out-of-scope
  }
out:
  puts("out");
  return 0;
}
