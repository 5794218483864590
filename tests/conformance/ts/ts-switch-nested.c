// TS 25755 jump rules for switch: only the case labels of the switch whose
// body contains the defer matter. An inner switch placed after a defer
// has its own body; its case labels enter only that inner body and are
// fine. Each switch body's defers run when that body is left.
// spec: 3.ts
// ts: 6.4p3b, 6.4 example 6
#include <stdio.h>

static void f(int x, int y)
{
  printf("f(%d, %d)\n", x, y);
  switch (x) {
  case 0:
    puts("zero");
    break;
  case 1:
    _Defer puts("outer switch body done");
    switch (y) {
    case 0:
      _Defer puts("inner switch body done");
      puts("inner zero");
      break;
    }
    puts("after inner switch");
  }
}

int main(void)
{
  f(1, 0);
  f(1, 5);
  f(0, 0);
  return 0;
}
//> f(1, 0)
//> inner zero
//> inner switch body done
//> after inner switch
//> outer switch body done
//> f(1, 5)
//> after inner switch
//> outer switch body done
//> f(0, 0)
//> zero
