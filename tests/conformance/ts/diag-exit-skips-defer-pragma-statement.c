// exit-skips-defer (model ts, negative): `#pragma cdefer ignore "ID"`
// applies to the whole next statement (SPEC 4, controls), here an `if` of
// several lines whose third line calls exit: silenced.  The deferred block
// still does not run (SPEC 3.8).  Before issue 12 the plugin silenced
// only the first line of code after the pragma.
// expect-exit: 2
// spec: 3.8, 4, exit-skips-defer
// ts: 6.4p9
#include <stddefer.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
  (void)argv;
  defer puts("never printed");
#pragma cdefer ignore "exit-skips-defer"
  if (argc > 0) {
    puts("leaving");
    exit(2);
  }
  return 0;
}
//> leaving
