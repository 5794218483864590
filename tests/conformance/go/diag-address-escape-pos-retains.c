// address-escape (positive): a parameter marked with
// `__attribute__((cdefer_retains(N)))` is kept by the callee (SPEC section 4,
// address-escape: "any parameter the user marks with
// __attribute__((cdefer_retains(N)))").  Here argument 2 of `subscribe` is
// retained; argument 1 of it and the arguments of `peek` are not.
// spec: address-escape
// rejects: line 27 (address-escape)
#include <stdio.h>

static int *subscribers[4];

__attribute__((cdefer_retains(2)))
static void subscribe(int slot, int *where)
{
  subscribers[slot] = where;
}

static int peek(const int *p)
{
  return *p;
}

static void f(void)
{
  int counter = 3;
  int slot = 1;
  defer subscribe(slot, &counter); // expect-error: address-escape
  defer printf("%d\n", peek(&slot));
  printf("%d\n", counter);
}

int main(void)
{
  f();
  return 0;
}
