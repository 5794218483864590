// A typedef named `scope` keeps working: `scope` is a keyword only before
// `{`, so `scope x;`, `scope *p`, `(scope)` and `sizeof(scope)` all use
// the type.
// spec: 2
#include <stdio.h>

typedef int scope;

static scope twice(scope v)
{
  return v * 2;
}

int main(void)
{
  scope x = 3;
  scope *p = &x;
  scope arr[2] = { (scope)4, twice(x) };
  *p += (int)sizeof(scope) - (int)sizeof(int);
  printf("x=%d arr={%d,%d}\n", x, arr[0], arr[1]);
  return 0;
}
//> x=3 arr={4,6}
