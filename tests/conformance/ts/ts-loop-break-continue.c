// TS 25755: break and continue leave the loop body block, so the defers
// registered in that iteration run before control reaches the loop's
// continuation point or the statement after the loop. Defers not yet
// reached in that iteration do not run.
// spec: 3.ts, 3.3
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 5; i++) {
    _Defer printf("leave iteration %d\n", i);
    if (i == 1) {
      puts("continue");
      continue;
    }
    _Defer printf("late defer %d\n", i);
    if (i == 2) {
      puts("break");
      break;
    }
    printf("normal end %d\n", i);
  }
  puts("after loop");
  return 0;
}
//> normal end 0
//> late defer 0
//> leave iteration 0
//> continue
//> leave iteration 1
//> break
//> late defer 2
//> leave iteration 2
//> after loop
