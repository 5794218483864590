// TS 25755: leaving several nested blocks at once (a return from the
// innermost) runs the innermost block's deferred blocks first, then the
// next outer block's, and so on out to the function body; each block's own
// defers in reverse order of registration.
// spec: 3.ts, 3.3
// ts: 6.4p4, 6.4p5
#include <stdio.h>

static int f(void)
{
  _Defer puts("function body: a");
  _Defer puts("function body: b");
  {
    _Defer puts("middle: a");
    {
      _Defer puts("inner: a");
      _Defer puts("inner: b");
      puts("returning");
      return 42;
    }
  }
}

int main(void)
{
  int r = f();
  printf("f() = %d\n", r);
  return 0;
}
//> returning
//> inner: b
//> inner: a
//> middle: a
//> function body: b
//> function body: a
//> f() = 42
