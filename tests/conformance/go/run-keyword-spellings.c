// `_Defer` and `_Scope` are always keywords, also where `defer` names a
// variable; `_Defer` accepts any statement, e.g. `*p = ...`, which the
// contextual `defer` would not take as a keyword.
// spec: 2
#include <stdio.h>

static int cell;

static void f(void)
{
  int defer = 0;
  int *p = &cell;
  _Scope {
    _Defer defer++;
    _Defer *p = 100;
    _Defer {
      printf("block deferred: defer=%d cell=%d\n", defer, cell);
    }
    defer = 10;
  }
  printf("after _Scope: defer=%d cell=%d\n", defer, cell);
}

int main(void)
{
  _Defer puts("main deferred");
  f();
  return 0;
}
//> block deferred: defer=10 cell=0
//> after _Scope: defer=11 cell=100
//> main deferred
