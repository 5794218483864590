// TS 25755: the body of a switch is a block even when it is a single
// labelled statement without braces. "switch (x) case 1: _Defer f();"
// registers f() when case 1 is taken and runs it as soon as the switch
// body ends, i.e. at once; nothing is registered for other values (the
// defer statement is not reached: no case matches, so control goes to the
// statement after the switch).
// clang-differs: clang-braceless-switch (Clang 22.1.8 also runs the deferred
// statement for x = 2, where the defer was never reached -- at -O0 and -O2.
// With braces, "switch (x) { case 1: _Defer ...; }", Clang is right. The TS
// registers a deferred block only when its defer statement is executed.)
// spec: 3.ts
// ts: 6.3p1, 6.4p4
#include <stdio.h>

static void f(int x)
{
  switch (x)
  case 1:
    _Defer printf("switch body done (x = %d)\n", x);
  printf("after switch (x = %d)\n", x);
}

int main(void)
{
  f(1);
  f(2);
  return 0;
}
//> switch body done (x = 1)
//> after switch (x = 1)
//> after switch (x = 2)
