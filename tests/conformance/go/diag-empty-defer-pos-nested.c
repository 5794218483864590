// empty-defer (positive): empty defers in a `scope`, in an `if` body and in a
// deferred body are reported where they are (SPEC section 4, empty-defer);
// the non-empty defers around them run as usual.  A multi-line empty body
// is reported at the `defer` keyword.
// spec: empty-defer
#include <stdio.h>

static void f(int c)
{
  scope {
    defer { // expect-warning: empty-defer
    }
    defer puts("scope cleanup");
  }
  if (c) {
    _Defer ; // expect-warning: empty-defer
  }
  defer {
    _Defer {} // expect-warning: empty-defer
    puts("deferred body");
  }
  puts("end of f");
}

int main(void)
{
  f(1);
  return 0;
}
//> scope cleanup
//> end of f
//> deferred body
