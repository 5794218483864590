// jump-out-of-defer (model ts): a return statement inside a deferred block
// would leave the deferred block (TS 25755 constraint). Error at the
// return.
#include <stdio.h>

int f(int x)
{
  _Defer {
    if (x < 0)
      return -1; // expect-error: jump-out-of-defer
    puts("cleanup");
  }
  return x;
}

int main(void)
{
  return f(0);
}
