// TS 25755 6.4 EXAMPLE 3 (and 6.4p9): exit is a noreturn function, so the
// deferred block registered before it is not run ("p" may be leaked; here
// the deferred block would print).  cdefer runs no deferred block at exit
// (SPEC 3.8) and warns exit-skips-defer at the call.  The exit status is
// exit's argument; exit flushes stdout.
// spec: 3.ts, 3.8, exit-skips-defer
// ts: 6.4p9, 6.4 example 3
// expect-exit: 1
#include <stddefer.h>
#include <stdio.h>
#include <stdlib.h>

int f(void)
{
  void *p = malloc(1);
  if (p == NULL) {
    return 0;
  }
  defer { puts("freed"); free(p); }
  puts("calling exit");
  exit(1); // "p" may be leaked // expect-warning: exit-skips-defer
  return 1;
}

int main(void)
{
  return f();
}
//> calling exit
