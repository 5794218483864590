// jump-out-of-defer (SPEC 4: "also any jump (including a computed goto)
// from outside into a deferred body"): the address of a label inside a
// deferred body, taken outside that body, lets a computed goto enter the
// body from outside. Reported at the `&&`, with a note at the label.
// (GCC itself crashed on this at -O1 before the check existed.)
// requires: computed-goto
// spec: jump-out-of-defer
// rejects: line 16 (jump-out-of-defer)
#include <stdio.h>

static void g(void) { puts("g"); }

void f(void)
{
  defer { L: ; }
  static void *p = &&L; // expect-error: jump-out-of-defer
  defer g();
  goto *p;
}

int main(void)
{
  return 0;
}
