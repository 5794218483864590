// defer-in-loop (negative, model ts): in model ts a defer in a loop body
// belongs to that body's block and runs at the end of each iteration, so
// it cannot pile up: the model-go error defer-in-loop does not exist here
// (SPEC 3, model ts). Braced, braceless and nested loops compile cleanly.
// spec: 3.ts, defer-in-loop
// ts: 6.4p4, 6.4 example 4
#include <stdio.h>

int main(void)
{
  int sum = 0;
  for (int i = 0; i < 3; i++) {
    _Defer sum += i;
  }
  int j = 0;
  while (j < 2)
    _Defer j++;
  do {
    for (int k = 0; k < 2; k++)
      _Defer sum += 10;
  } while (0);
  printf("sum = %d, j = %d\n", sum, j);
  return 0;
}
//> sum = 23, j = 2
