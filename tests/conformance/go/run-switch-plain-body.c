// A plain switch body `{ ... }` is not a defer scope: a defer in a case
// belongs to the enclosing scope (here the function body) and runs when
// the function ends, after the code that follows the switch.  A case label
// after the defer skips it.
// spec: 3.1, 3.7
#include <stdio.h>

static void f(int k)
{
  switch (k) {
  case 1:
    defer printf("deferred from case 1 (k=%d)\n", k);
    puts("case 1");
    break;
  default:
    puts("default");
    break;
  }
  puts("after switch");
  k = k * 10;
}

int main(void)
{
  f(1);
  f(2);
  return 0;
}
//> case 1
//> after switch
//> deferred from case 1 (k=10)
//> default
//> after switch
