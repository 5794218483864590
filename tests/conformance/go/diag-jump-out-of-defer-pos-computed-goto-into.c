// jump-out-of-defer: a deferred body takes the address of one of its own
// labels, and a computed goto outside the body can then jump into it.
// Reported at the computed goto, with a note at the label.
// requires: computed-goto
// spec: jump-out-of-defer
// rejects: line 14 (jump-out-of-defer)
#include <stdio.h>

void f(void)
{
  void *r = 0;
  defer { N: r = &&N; puts("body"); }
  if (r)
    goto *r; // expect-error: jump-out-of-defer
}

int main(void)
{
  return 0;
}
