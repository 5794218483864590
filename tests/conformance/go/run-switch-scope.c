// `switch (e) scope { case ...: }`: the switch body is a defer scope that
// the case labels enter at its start.  break leaves the switch and the
// scope, running the deferred bodies registered so far; a case label after
// a defer skips that defer (it is not registered and does not run).
// spec: 3.1, 3.7, jump-into-scope
#include <stdio.h>

static void f(int k)
{
  printf("f(%d):\n", k);
  switch (k) scope {
  case 1:
    defer puts(" deferred in case 1");
    puts(" case 1");
    break;
  case 2:
    defer puts(" deferred in case 2");
    puts(" case 2");
    if (k == 2)
      break;
    puts(" not reached");
    break;
  default:
    puts(" default");
  }
  puts(" after switch");
}

int main(void)
{
  f(1);
  f(2);
  f(3);
  return 0;
}
//> f(1):
//>  case 1
//>  deferred in case 1
//>  after switch
//> f(2):
//>  case 2
//>  deferred in case 2
//>  after switch
//> f(3):
//>  default
//>  after switch
