// SPEC 3.1: the body of a GNU statement expression is a defer scope --
// also when that body is a single statement: the deferred body runs when
// the statement expression ends, before the statement after it. Here the
// body is just the defer, or an if holding it.
// requires: statement-expressions
// spec: 3.1
#include <stdio.h>

int main(void)
{
  ({ defer puts("b"); });
  puts("after");
  int c = 1;
  ({ if (c) defer puts("c"); });
  puts("after2");
  return 0;
}
//> b
//> after
//> c
//> after2
