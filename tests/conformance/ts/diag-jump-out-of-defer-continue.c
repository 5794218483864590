// jump-out-of-defer (model ts): continue in a deferred block (directly, or
// from a switch inside the deferred block, whose continue still belongs to
// the loop outside) would leave the deferred block. Errors at each
// continue.
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c, 6.4 example 7
// rejects: line 18 (jump-out-of-defer)
// rejects: line 23 (jump-out-of-defer)
#include <stdio.h>

int main(void)
{
  int i = 0;
  while (i < 3) {
    i++;
    _Defer {
      if (i == 2)
        continue; // expect-error: jump-out-of-defer
      printf("end %d\n", i);
    }
    _Defer switch (i) {
    case 3:
      continue; // expect-error: jump-out-of-defer
    default:
      break;
    }
  }
  return 0;
}
