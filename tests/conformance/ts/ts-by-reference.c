// TS 25755: a deferred block is evaluated when it runs, not when the defer
// statement is reached: it sees the values the variables have at the exit
// of the block (it captures nothing; it simply is code placed at the exit).
// spec: 3.ts, 3.5
// ts: 6.4p4, 6.4 example 2
#include <stdio.h>

int main(void)
{
  int x = 1;
  {
    _Defer printf("x at block exit = %d\n", x);
    x = 2;
    x = x * 10;
  }
  printf("after block x = %d\n", x);
  return 0;
}
//> x at block exit = 20
//> after block x = 20
