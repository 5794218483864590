// Model ts: a statement expression whose body is a single statement is a
// block like any other, so the defer in it runs when it ends -- before
// the statement after it, not at the end of the function.
// requires: statement-expressions
// spec: 3.1, 3.ts
// ts: extension
#include <stdio.h>

int main(void)
{
  ({ _Defer puts("b"); });
  puts("after");
  if (1)
    ({ _Defer puts("c"); });
  puts("after2");
  return 0;
}
//> b
//> after
//> c
//> after2
