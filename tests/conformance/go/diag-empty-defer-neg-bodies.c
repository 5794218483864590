// empty-defer (negative): non-empty deferred bodies of every shape -- a call,
// a compound with a declaration, a nested compound, an `if` statement, a
// compound holding a nested defer -- are not reported (SPEC section 4,
// empty-defer is only for `defer ;` and `defer {}`).
// spec: empty-defer
#include <stdio.h>

static int counter;

int main(void)
{
  defer printf("counter %d\n", counter);
  defer {
    int step = 2;
    counter += step;
  }
  defer {{ counter++; }}
  defer if (counter == 0) puts("counter was zero");
  defer {
    defer puts("nested");
  }
  puts("body");
  return 0;
}
//> body
//> nested
//> counter was zero
//> counter 3
