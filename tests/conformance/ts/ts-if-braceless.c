// TS 25755 (and C2y): the substatement of an if is a block of its own even
// without braces. "if (c) _Defer f();" therefore registers f() and exits
// that implicit block at once: f() runs immediately, before the next
// statement -- not at the end of the enclosing block or function.
// spec: 3.ts
// ts: 6.3p1, 6.4 example 4
#include <stdio.h>

int main(void)
{
  int c = 1;
  {
    _Defer puts("enclosing block ends");
    if (c)
      _Defer puts("deferred in the braceless if: runs at once");
    puts("after the if");
    if (!c)
      _Defer puts("never registered");
    puts("after the second if");
  }
  return 0;
}
//> deferred in the braceless if: runs at once
//> after the if
//> after the second if
//> enclosing block ends
