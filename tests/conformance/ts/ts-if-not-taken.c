// TS 25755: a defer registers only when it is reached. A defer inside a
// branch that is not taken registers nothing; one in a block left by an
// early return before the defer registers nothing either.
// spec: 3.ts, 3.2
// ts: 6.4p9, 6.4 example 8
#include <stdio.h>

static int g(int early)
{
  _Defer puts("g: function-level defer");
  {
    if (early) {
      puts("g: early return");
      return 1;
    }
    _Defer puts("g: block defer");
    puts("g: late path");
  }
  return 0;
}

int main(void)
{
  printf("g(1) = %d\n", g(1));
  printf("g(0) = %d\n", g(0));
  return 0;
}
//> g: early return
//> g: function-level defer
//> g(1) = 1
//> g: late path
//> g: block defer
//> g: function-level defer
//> g(0) = 0
