// computed-goto-out-of-scope (negative): a computed goto that leaves a scope
// which has no defers skips nothing, so it is allowed.  (The function body
// has a defer, but the target is inside the function body.)
// requires: computed-goto
// spec: computed-goto-out-of-scope
#include <stdio.h>

int main(void)
{
  void *p = &&out;
  defer puts("function cleanup");
  scope {
    puts("in scope");
    goto *p;
  }
  puts("not printed");
out:
  puts("out");
  return 0;
}
//> in scope
//> out
//> function cleanup
