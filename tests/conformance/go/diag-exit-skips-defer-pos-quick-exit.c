// exit-skips-defer (positive): quick_exit() with a defer pending (SPEC
// section 4, exit-skips-defer names `quick_exit`).  quick_exit runs the
// at_quick_exit handlers but no deferred body; it need not flush stdio, so
// the handler flushes.
// expect-exit: 5
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

static void on_quick_exit(void)
{
  puts("at_quick_exit handler");
  fflush(stdout);
}

static void work(int n)
{
  char *buf = malloc(16);
  defer {
    puts("free buffer");
    free(buf);
  }
  if (n > 0) {
    puts("giving up");
    quick_exit(5); // expect-warning: exit-skips-defer
  }
}

int main(void)
{
  at_quick_exit(on_quick_exit);
  work(1);
  return 0;
}
//> giving up
//> at_quick_exit handler
