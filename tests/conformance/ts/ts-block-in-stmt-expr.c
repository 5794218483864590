// Model ts: a plain block is a defer scope wherever it appears, also
// directly inside a GNU statement expression. The inner block ends before
// the rest of the statement expression runs, so its deferred block runs
// first ("d" before "u"), and the statement expression still yields the
// value of its last statement.
// requires: statement-expressions
// spec: 3.1, 3.ts
// ts: extension
#include <stdio.h>

int main(void)
{
  int a = ({ { _Defer puts("d"); } puts("u"); 1; });
  printf("a = %d\n", a);
  int b = ({ { _Defer puts("d2"); puts("in2"); } { _Defer puts("d3"); } 2; });
  printf("b = %d\n", b);
  return 0;
}
//> d
//> u
//> a = 1
//> in2
//> d2
//> d3
//> b = 2
