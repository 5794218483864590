// Fallthrough in a switch-scope: entering at case 1 registers the defers of
// case 1 and case 2 (LIFO at the end); entering at case 2 skips case 1's
// defer, which must not run.
// spec: 3.1, 3.7
#include <stdio.h>

static void f(int k)
{
  printf("f(%d):\n", k);
  switch (k) scope {
  case 1:
    defer puts(" deferred a (case 1)");
    puts(" case 1");
    /* fallthrough */
  case 2:
    defer puts(" deferred b (case 2)");
    puts(" case 2");
    /* fallthrough */
  default:
    defer puts(" deferred c (default)");
    puts(" default");
  }
  puts(" after switch");
}

int main(void)
{
  f(1);
  f(2);
  f(7);
  return 0;
}
//> f(1):
//>  case 1
//>  case 2
//>  default
//>  deferred c (default)
//>  deferred b (case 2)
//>  deferred a (case 1)
//>  after switch
//> f(2):
//>  case 2
//>  default
//>  deferred c (default)
//>  deferred b (case 2)
//>  after switch
//> f(7):
//>  default
//>  deferred c (default)
//>  after switch
