// Flag semantics across scope instances: in a loop-body scope, a forward
// goto skips a defer in some iterations.  A body registered in one
// iteration runs at the end of that iteration only; an iteration that
// skipped the defer must not run it (the flag is per scope entry).
// spec: 3.7
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 4; i++) scope {
    if (i % 2 == 1)
      goto skip;
    defer printf("deferred from iteration %d\n", i);
    printf("registered in iteration %d\n", i);
  skip:
    printf("end of iteration %d\n", i);
  }
  puts("done");
  return 0;
}
//> registered in iteration 0
//> end of iteration 0
//> deferred from iteration 0
//> end of iteration 1
//> registered in iteration 2
//> end of iteration 2
//> deferred from iteration 2
//> end of iteration 3
//> done
