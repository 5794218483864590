// TS 25755: without <stddefer.h> only _Defer is a keyword, so "defer" can
// still name a variable and a function. cdefer's contextual keyword (SPEC
// section 2) keeps these uses as identifiers: "defer" followed by '=',
// '++', ')', ';' or "(x);" is not the keyword.
// spec: 2
// ts: 6.2p2, 7.2p2
#include <stdio.h>

static int defer(int x)
{
  return x + 1;
}

int main(void)
{
  int n = defer(1);
  {
    int defer = 10;
    _Defer printf("defer variable = %d\n", defer);
    defer++;
    defer = defer * 2;
  }
  printf("n = %d\n", n);
  return 0;
}
//> defer variable = 22
//> n = 2
