// defer-in-plain-block (negative): `#pragma cdefer ignore "ID"` applies to
// the whole next statement (SPEC 4, controls), here an `if` of several
// lines with a bare block on its third line: the defer in that block is
// silenced too.  The block is bare, so the deferred body runs at the end of
// main (SPEC 3.1).  Before issue 12 the plugin silenced only the first
// line of code after the pragma.
// spec: 4, defer-in-plain-block
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
#pragma cdefer ignore "defer-in-plain-block"
  if (argc > 0) {
    puts("in if");
    { defer puts("deferred"); }
  }
  puts("end");
  return 0;
}
//> in if
//> end
//> deferred
