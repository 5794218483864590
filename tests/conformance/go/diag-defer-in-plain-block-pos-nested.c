// defer-in-plain-block (positive): bare blocks nested inside an `if` body, a
// `scope` and a deferred body are still bare blocks; each defer belongs to
// the innermost enclosing defer scope (SPEC 3.1, 3.2, 3.6; SPEC section 4,
// defer-in-plain-block).
// spec: defer-in-plain-block
#include <stdio.h>

int main(void)
{
  int on = 1;
  if (on) {
    {
      defer puts("if-block defer"); // expect-warning: defer-in-plain-block
    }
    puts("after if inner block");
  }
  scope {
    {
      defer puts("scope-block defer"); // expect-warning: defer-in-plain-block
    }
    puts("end of scope");
  }
  defer {
    {
      defer puts("body-block defer"); // expect-warning: defer-in-plain-block
    }
    puts("end of deferred body");
  }
  puts("end of main");
  return 0;
}
//> after if inner block
//> end of scope
//> scope-block defer
//> end of main
//> end of deferred body
//> body-block defer
//> if-block defer
