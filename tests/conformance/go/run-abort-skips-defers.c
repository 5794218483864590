// abort() does not run deferred bodies and gets no exit-skips-defer warning
// (it is meant to skip cleanup).  The program dies of SIGABRT (status 134
// as reported by the runner).
// spec: 3.8, exit-skips-defer
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  defer puts("main deferred (must not run)");
  puts("before abort");
  fflush(stdout);
  abort();
}
//> before abort
// expect-exit: 134
