// Contextual `defer` (SPEC section 2): the operator forms (`defer *p = 0;`,
// `defer ++n;`, `defer (*p) = 0;`) make `defer` the keyword only where it
// starts a statement. A struct member named `defer` followed by `*`, by
// `++` and `*`, or by `=` is a member access in an expression, with no
// declaration named `defer` in view and also through -E (which cannot see
// declarations).
// spec: 2
#include <stdio.h>

struct counter {
  int defer;
  int scope;
};

int main(void)
{
  struct counter o = { 3, 1 }, *p = &o;
  int x = o.defer * 10;
  x += p->defer++ * 2;
  o.defer = p->defer * 2;
  p->scope = o.scope * 5;
  printf("x=%d defer=%d scope=%d\n", x, o.defer, o.scope);
  return 0;
}
//> x=36 defer=8 scope=5
