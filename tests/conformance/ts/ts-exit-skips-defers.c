// TS 25755: exit() ends the program without leaving any block normally:
// the deferred blocks of every active function (here main's and f's) do
// not run. atexit handlers do. exit() is called from a helper that has no
// defers of its own, so cdefer's exit-skips-defer warning does not apply.
// expect-exit: 4
// spec: 3.ts, 3.8
// ts: 6.4p9, 6.4 example 3
#include <stdio.h>
#include <stdlib.h>

static void bye(void)
{
  puts("atexit handler");
}

static void quit(int code)
{
  exit(code);
}

static void f(void)
{
  _Defer puts("f's deferred block (must not run)");
  {
    _Defer puts("f's inner deferred block (must not run)");
    puts("f calls exit");
    quit(4);
  }
}

int main(void)
{
  atexit(bye);
  _Defer puts("main's deferred block (must not run)");
  f();
  return 0;
}
//> f calls exit
//> atexit handler
