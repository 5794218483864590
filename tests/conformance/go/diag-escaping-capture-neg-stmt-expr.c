// escaping-capture (negative): a statement expression is a defer scope, so a
// variable declared directly in it is alive when its deferred bodies run (at
// the end of the statement expression, after its value is computed).
// requires: statement-expressions
// spec: escaping-capture
#include <stdio.h>

int main(void)
{
  int v = ({ int t = 7; defer printf("t=%d\n", t); t += 1; t; });
  printf("v=%d\n", v);
  return 0;
}
//> t=8
//> v=8
