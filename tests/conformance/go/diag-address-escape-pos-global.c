// address-escape (positive): a deferred body stores the address of an
// automatic variable into a global and into a static local (SPEC section 4,
// address-escape: "stores it into a static/global object").  The deferred
// bodies run as the frame dies, so both pointers dangle afterwards.
// spec: address-escape
// rejects: line 17 (address-escape)
// rejects: line 18 (address-escape)
#include <stdio.h>

int *last_seen;

static void f(void)
{
  static int *cached;
  int x = 1;
  int y = 2;
  defer last_seen = &x; // expect-error: address-escape
  defer cached = &y; // expect-error: address-escape
  printf("%d %d\n", x, y);
}

int main(void)
{
  f();
  return 0;
}
