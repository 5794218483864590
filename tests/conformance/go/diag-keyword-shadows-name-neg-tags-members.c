// keyword-shadows-name (negative): a struct tag and struct members named
// `defer`/`scope` are not ordinary identifiers: they live in the tag and
// member name spaces, where the keyword can never be taken (after
// `struct`/`union`/`enum`, or after `.`/`->` where a statement cannot
// start), so nothing the user declared is shadowed when the keywords are
// used in the same function.
// spec: 2, keyword-shadows-name
#include <stdio.h>

struct scope {
  int defer;
  int scope;
};

int main(void)
{
  struct scope s = { 1, 2 };
  struct scope *p = &s;
  scope {
    defer printf("%d %d\n", s.defer, p->scope);
    p->defer = 10;
  }
  return 0;
}
//> 10 2
