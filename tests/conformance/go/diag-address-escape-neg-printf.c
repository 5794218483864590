// address-escape (negative): printing an address (`printf("%p", &x)`,
// `snprintf`) uses it only during the call (SPEC section 4, address-escape).
// The address itself is not deterministic, so it goes to stderr and the
// snprintf result is only tested for being non-empty.
// spec: address-escape
#include <stdio.h>

static void f(void)
{
  int x = 1;
  char buf[64];
  defer {
    int n = snprintf(buf, sizeof buf, "%p", (void *)&x);
    fprintf(stderr, "%p\n", (void *)&x);
    printf(n > 0 ? "formatted\n" : "empty\n");
  }
  defer printf("x is %d\n", *&x);
  x = 2;
}

int main(void)
{
  f();
  return 0;
}
//> x is 2
//> formatted
