// jump-out-of-defer (model ts): a return statement inside a deferred block
// would leave the deferred block (TS 25755 constraint). Error at the
// return.
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c, 6.4 example 1
// rejects: line 13 (jump-out-of-defer)
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
