// jump-out-of-defer (model ts): break in a deferred block whose defer
// statement is in a loop body (or a switch body): the break would leave
// the deferred block to end the loop/switch. Errors at each break.
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c, 6.4 example 7
// rejects: line 15 (jump-out-of-defer)
// rejects: line 21 (jump-out-of-defer)
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) {
    _Defer {
      if (i == 1)
        break; // expect-error: jump-out-of-defer
      printf("end %d\n", i);
    }
  }
  switch (1) {
  case 1:
    _Defer break; // expect-error: jump-out-of-defer
  }
  return 0;
}
