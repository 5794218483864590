// A panic with no cdefer_protect on its thread prints its value and a
// backtrace on stderr and aborts (SIGABRT: exit status 134 through the
// shell): nothing is unwound, so no deferred body runs (SPEC 6).
// requires: exceptions libcdefer
// cflags: -fexceptions
// expect-exit: 134
// spec: 3.8
#include <stdio.h>
#include <cdefer.h>

static void f(int n)
{
  defer printf("not run: the panic is not protected\n");
  printf("before the panic\n");
  fflush(stdout);
  cdefer_panicf("no protect %d", n);
}

int main(void)
{
  f(3);
  printf("not reached\n");
  return 0;
}
//> before the panic
