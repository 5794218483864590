// TS 25755: a do-while body is a block; its defers run at the end of the
// body, before the controlling expression is evaluated for that iteration.
// A while loop's condition is evaluated before the body's block is entered.
// spec: 3.ts
// ts: 6.3p1, 6.4p4
#include <stdio.h>

static int n;

static int cond(void)
{
  printf("cond (n = %d)\n", n);
  return n < 2;
}

int main(void)
{
  do {
    _Defer puts("do body defer");
    n++;
  } while (cond());
  n = 1;
  while (cond()) {
    _Defer puts("while body defer");
    n++;
  }
  return 0;
}
//> do body defer
//> cond (n = 1)
//> do body defer
//> cond (n = 2)
//> cond (n = 1)
//> while body defer
//> cond (n = 2)
