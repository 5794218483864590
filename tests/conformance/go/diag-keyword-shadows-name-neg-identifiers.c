// keyword-shadows-name (negative): the names are declared and used only as
// identifiers: `defer(x);`, `n = defer(x) + 1;`, `struct defer *p;`,
// `int scope = 1; scope++;`.  The keyword is never taken, so nothing
// shadows anything.
// spec: 2, keyword-shadows-name
#include <stdio.h>

struct defer {
  int n;
};

static struct defer cell;
static int total;

static int defer(int x)
{
  total += x;
  return x * 10;
}

int main(void)
{
  int n;
  struct defer *p = &cell;
  defer(1);
  n = defer(2) + 1;
  p->n = 4;
  int scope = 1;
  scope++;
  printf("%d %d %d %d\n", total, n, p->n, scope);
  return 0;
}
//> 3 21 4 2
