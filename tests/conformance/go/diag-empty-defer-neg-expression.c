// empty-defer (negative): bodies that do something even though they look
// small: an assignment, a `(void)` cast of a call (a defer, SPEC 2), a comma
// expression, a statement expression (spelled `_Defer`: `defer (...);` would
// be a call of a function named defer, SPEC 2).  SPEC section 4, empty-defer
// is only for `defer ;` and `defer {}`.
// requires: statement-expressions
// spec: empty-defer
#include <stdio.h>

static int flag;

static int mark(int v)
{
  printf("mark %d\n", v);
  return v;
}

int main(void)
{
  defer flag = 1;
  defer (void)mark(1);
  defer mark(2), mark(3);
  _Defer ({ mark(4); });
  puts("body");
  return flag;
}
//> body
//> mark 4
//> mark 2
//> mark 3
//> mark 1
