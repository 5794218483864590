// address-escape (negative): `memcpy` uses its pointer arguments only during
// the call (SPEC section 4, address-escape: passing &x to a function that
// only uses it during the call is not an escape).  The deferred bodies copy
// the *value* of a local into a global and back into another local.
// spec: address-escape
#include <stdio.h>
#include <string.h>

static int saved;

static void f(int v)
{
  int x = v;
  int y = 0;
  defer printf("saved %d y %d\n", saved, y);
  defer {
    memcpy(&saved, &x, sizeof x);
    memcpy(&y, &x, sizeof x);
  }
  x = v * 2;
}

int main(void)
{
  f(21);
  return 0;
}
//> saved 42 y 42
