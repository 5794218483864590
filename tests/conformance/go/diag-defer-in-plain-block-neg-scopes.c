// defer-in-plain-block (negative): defers directly in a `scope { }`, in the
// function body, in a deferred body `defer { }` and in a statement expression
// `({ })` -- all defer scopes (SPEC 3.1) -- are not reported (SPEC section 4,
// defer-in-plain-block is about bare blocks only).
// requires: statement-expressions
// spec: defer-in-plain-block
#include <stdio.h>

int main(void)
{
  defer puts("function cleanup");
  scope {
    defer puts("scope cleanup");
    puts("in scope");
  }
  defer {
    defer puts("inner body cleanup");
    puts("deferred body");
  }
  int v = ({ defer puts("stmt-expr cleanup"); 42; });
  printf("v %d\n", v);
  return 0;
}
//> in scope
//> scope cleanup
//> stmt-expr cleanup
//> v 42
//> deferred body
//> inner body cleanup
//> function cleanup
