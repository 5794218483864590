// defer-in-loop (negative): a GNU nested function defined inside a loop body
// has its own function body, which is a defer scope; the loop is outside
// that scope, so a defer in the nested function runs when each call returns.
// requires: nested-functions
// spec: defer-in-loop
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 2; i++) {
    void step(void)
    {
      defer printf("step %d done\n", i);
      printf("step %d\n", i);
    }
    step();
  }
  return 0;
}
//> step 0
//> step 0 done
//> step 1
//> step 1 done
