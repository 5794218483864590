// A function body that starts with a #pragma line (`#pragma GCC unroll`
// applies to the loop after it): what the lowering declares at the top of
// the body (the return value's temporary, flags) must not come between the
// pragma and its statement (SPEC 5: the lowering keeps the meaning).
// f(1): c = 4, both defers registered, `return 0` runs them last
// registered first; f(4): c = 7, returns before the second defer.
// spec: 3.3
#include <stdio.h>

static int f(int c)
{
#pragma GCC unroll 4
  for (int i = 0; i < 3; i++)
    c += i;
  defer puts("f body");
  if (c > 5)
    return c;
  if (c)
    defer puts("f flagged");
  return 0;
}

int main(void)
{
  printf("%d\n", f(1));
  printf("%d\n", f(4));
  return 0;
}
//> f flagged
//> f body
//> 0
//> f body
//> 7
