// TS 25755: for "return E;" the value of E is computed (and converted to
// the return type) before the deferred blocks run; a deferred block that
// modifies the variable named in E does not change the returned value.
// spec: 3.ts, 3.4
// ts: 6.4p4, 6.4 example 2
#include <stdio.h>

static int counter(void)
{
  int x = 10;
  _Defer x = 99;
  _Defer printf("defer sees x = %d\n", x);
  x = 11;
  return x;
}

static double conv(void)
{
  int n = 3;
  _Defer n = 1000;
  return n;       /* converted to double before the defer runs */
}

int main(void)
{
  int r = counter();
  printf("counter() = %d\n", r);
  printf("conv() = %.1f\n", conv());
  return 0;
}
//> defer sees x = 11
//> counter() = 11
//> conv() = 3.0
