// fixit-id: defer-in-loop escaping-capture defer-in-plain-block
// expect-fixits: 4
// Several fixable diagnostics in one function (also a `do` loop with a
// compound body); all fix-its are applied in one pass.
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 2; i++) { defer printf("loop %d\n", i); }
  if (1) {
    int v = 7;
    defer printf("v %d\n", v);
  }
  {
    defer puts("block");
  }
  int k = 0;
  do {
    defer printf("do %d\n", k);
  } while (++k < 2);
  puts("end");
  return 0;
}
//> loop 0
//> loop 1
//> v 7
//> block
//> do 0
//> do 1
//> end
