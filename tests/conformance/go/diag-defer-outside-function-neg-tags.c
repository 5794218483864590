// defer-outside-function (negative): `defer` and `scope` directly after
// `struct`, `union` or `enum` are never keywords -- even when followed by
// `{` -- so these file-scope tag declarations and uses are ordinary C (and so
// is an `enum scope { ... }` declared inside a function body).
// spec: 2, defer-outside-function
#include <stdio.h>

struct defer {
  int n;
};

union scope {
  int i;
  float f;
};

enum defer_kind { DK_ONE = 1 };

static struct defer global_d = { 5 };
static struct defer *gp = &global_d;

static int kind(void)
{
  enum scope { SCOPE_A = 3 };
  enum scope e = SCOPE_A;
  return (int)e;
}

int main(void)
{
  struct defer *p = gp;
  union scope u;
  u.i = 2;
  printf("%d %d %d %d\n", p->n, u.i, kind(), DK_ONE);
  return 0;
}
//> 5 2 3 1
