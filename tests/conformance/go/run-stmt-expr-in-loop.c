// Statement expressions inside a loop (in the loop condition and in the
// body) are their own defer scopes, so their defers run at the end of each
// evaluation -- no pile-up and no defer-in-loop error.
// requires: statement-expressions
// spec: 3.1, defer-in-loop
#include <stdio.h>

int main(void)
{
  int i, checks = 0, total = 0;
  for (i = 0; ({ defer checks++; i < 3; }); i++) {
    int sq = ({
      defer printf("  square of %d done (checks=%d)\n", i, checks);
      i * i;
    });
    total += sq;
  }
  printf("checks=%d total=%d\n", checks, total);
  return 0;
}
//>   square of 0 done (checks=1)
//>   square of 1 done (checks=2)
//>   square of 2 done (checks=3)
//> checks=4 total=5
