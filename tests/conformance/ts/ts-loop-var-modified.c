// TS 25755: a deferred block in a loop body runs before the for-loop's
// increment expression, so a deferred block that modifies the loop
// variable affects the iteration sequence (i advances by 2 each time).
// spec: 3.ts, 3.5
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 6; i++) {
    _Defer i++;
    printf("i = %d\n", i);
  }
  return 0;
}
//> i = 0
//> i = 2
//> i = 4
