// TS 25755: the returned value is fixed before the deferred blocks run, but
// a deferred block can still modify what a returned pointer points to;
// the caller sees that modification.
// spec: 3.ts, 3.4
// ts: 6.4 example 2
#include <stdio.h>

static int cell = 1;

static int *f(void)
{
  int *p = &cell;
  _Defer p = NULL;   /* runs last; changes the local only: the value was already returned */
  _Defer *p = 7;     /* runs first */
  return p;
}

int main(void)
{
  int *q = f();
  printf("%s, *q = %d\n", q == &cell ? "pointer unchanged" : "pointer changed", *q);
  return 0;
}
//> pointer unchanged, *q = 7
