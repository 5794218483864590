// TS 25755: the body of a switch is a block. A defer placed after the last
// case label it belongs to (no case/default label follows it in the same
// block) registers when reached and runs when the switch body is left --
// by break or by falling off its end. Defers in a nested block of a case
// run at the end of that nested block.
// spec: 3.ts
// ts: 6.4p4, 6.4 example 6
#include <stdio.h>

static void f(int x)
{
  printf("f(%d)\n", x);
  switch (x) {
  case 0: {
    _Defer puts("case 0 block defer");
    puts("case 0");
  }
    break;
  case 1:
    puts("case 1 falls through");
    /* fall through */
  default:
    _Defer puts("switch body defer");
    puts("default");
    if (x == 1)
      break;
    puts("end of switch body");
  }
  puts("after switch");
}

int main(void)
{
  f(0);
  f(1);
  f(2);
  return 0;
}
//> f(0)
//> case 0
//> case 0 block defer
//> after switch
//> f(1)
//> case 1 falls through
//> default
//> switch body defer
//> after switch
//> f(2)
//> default
//> end of switch body
//> switch body defer
//> after switch
