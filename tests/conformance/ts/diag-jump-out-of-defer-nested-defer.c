// jump-out-of-defer (model ts): a return inside a defer nested in a
// deferred block leaves both deferred blocks: one error at the return.
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c, 6.4p5
// rejects: line 13 (jump-out-of-defer)
#include <stdio.h>

int f(void)
{
  _Defer {
    _Defer {
      puts("inner cleanup");
      return 2; // expect-error: jump-out-of-defer
    }
    puts("outer cleanup");
  }
  return 1;
}

int main(void)
{
  return f();
}
