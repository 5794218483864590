// TS 25755: the return expression is evaluated before any deferred block
// runs, including calls with side effects in it, and a global that a
// deferred block modifies is read by the return expression before that
// modification.
// spec: 3.ts, 3.4
// ts: 6.4p4, 6.4 example 2
#include <stdio.h>

static int g = 1;

static int read_g(void)
{
  printf("return expression reads g = %d\n", g);
  return g;
}

static int f(void)
{
  _Defer { g = 2; puts("defer sets g = 2"); }
  return read_g() * 100;
}

int main(void)
{
  int r = f();
  printf("f() = %d, g = %d\n", r, g);
  return 0;
}
//> return expression reads g = 1
//> defer sets g = 2
//> f() = 100, g = 2
