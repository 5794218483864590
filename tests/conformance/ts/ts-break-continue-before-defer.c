// TS 25755 jump rules: break and continue are not jumps *into* the scope
// of a defer. A continue (or break) placed before a defer in a loop body
// leaves the body; the defer below it was simply not reached in that
// iteration. The same for a break before a defer in a switch body.
// spec: 3.ts, 3.2
// ts: 6.4p3b, 6.4p4
#include <stdio.h>

int main(void)
{
  int i = 0;
  while (i < 4) {
    i++;
    if (i == 2)
      continue;
    if (i == 4)
      break;
    _Defer printf("end of body, i = %d\n", i);
    printf("body, i = %d\n", i);
  }
  for (int k = 0; k < 2; k++) {
    switch (k) {
    case 0:
      puts("case 0: break before the defer");
      break;
    case 1:
      _Defer puts("case 1 switch-body defer");
      puts("case 1");
    }
  }
  return 0;
}
//> body, i = 1
//> end of body, i = 1
//> body, i = 3
//> end of body, i = 3
//> case 0: break before the defer
//> case 1
//> case 1 switch-body defer
