// jump-out-of-defer (model ts): the address of a label inside a deferred
// block, taken outside it, lets a computed goto enter the block from
// outside. Reported at the `&&`, with a note at the label.
// requires: computed-goto
// spec: 3.ts, jump-out-of-defer
// ts: extension
// rejects: line 15 (jump-out-of-defer)
#include <stdio.h>

static void g(void) { puts("g"); }

void f(void)
{
  _Defer { L: ; }
  static void *p = &&L; // expect-error: jump-out-of-defer
  _Defer g();
  goto *p;
}

int main(void)
{
  return 0;
}
