// computed-goto-out-of-scope (negative): every possible target of the
// computed goto is inside the same scope as the goto, so no defer scope is
// left by it.  The deferred body runs normally when the scope ends.
// requires: computed-goto
// spec: computed-goto-out-of-scope
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 2; i++) scope {
    static void *const table[] = { &&even, &&odd };
    defer printf("end %d\n", i);
    goto *table[i];
  even:
    puts("even");
    continue;
  odd:
    puts("odd");
  }
  return 0;
}
//> even
//> end 0
//> odd
//> end 1
