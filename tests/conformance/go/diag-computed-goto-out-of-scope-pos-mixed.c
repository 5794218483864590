// computed-goto-out-of-scope (positive): a jump table with one target inside
// the scope (after the defer) and one outside it.  One possible target
// outside is enough: that path would skip the deferred body.
// requires: computed-goto
// spec: computed-goto-out-of-scope
// rejects: line 14 (computed-goto-out-of-scope)
#include <stdio.h>

static void dispatch(int op)
{
  static void *const table[] = { &&stay, &&leave };
  scope {
    defer puts("cleanup");
    goto *table[op & 1]; // expect-error: computed-goto-out-of-scope
  stay:
    puts("stay");
  }
  return;
leave:
  puts("leave");
}

int main(void)
{
  dispatch(0);
  return 0;
}
