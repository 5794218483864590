// TS 25755: main's deferred blocks run when main returns, i.e. before the
// program's exit processing (atexit handlers, flushing of streams). The
// exit status is the value of main's return expression, computed before
// the deferred blocks run (which modify the variable).
// expect-exit: 3
// spec: 3.ts, 3.4
// ts: 5.2p1, 6.4 example 2
#include <stdio.h>
#include <stdlib.h>

static void at_exit_handler(void)
{
  puts("atexit handler");
}

int main(void)
{
  atexit(at_exit_handler);
  int status = 3;
  _Defer puts("main's deferred block");
  _Defer status = 9;
  puts("main body");
  return status;
}
//> main body
//> main's deferred block
//> atexit handler
