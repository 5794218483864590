// TS 25755: break inside a switch leaves only the switch body (running its
// defers); continue inside a switch leaves the switch body and then the
// loop body, running the switch body's defers first, then the loop
// body's.
// spec: 3.ts, 3.3
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) {
    _Defer printf("loop body end %d\n", i);
    switch (i) {
    default:
      puts("other");
      break;
    case 1: /* the last label: no case label follows the defer */
      _Defer puts("switch defer (case 1)");
      puts("continue from switch");
      continue;
    }
    printf("after switch %d\n", i);
  }
  return 0;
}
//> other
//> after switch 0
//> loop body end 0
//> continue from switch
//> switch defer (case 1)
//> loop body end 1
//> other
//> after switch 2
//> loop body end 2
