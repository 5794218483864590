// jump-into-scope (negative): when the switch body *is* the scope statement
// (`switch (e) scope { case 1: ... }`) its case labels enter it at its start,
// which is allowed.  The deferred body runs when the switch is left (here by
// `break`), and only if the defer was reached on that path.
// spec: jump-into-scope
#include <stdio.h>

static void pick(int k)
{
  switch (k) scope {
  case 1:
    defer printf("leave %d\n", k);
    puts("one");
    break;
  case 2:
    puts("two");
    break;
  default:
    puts("other");
  }
  puts("after switch");
}

int main(void)
{
  pick(1);
  pick(2);
  pick(7);
  return 0;
}
//> one
//> leave 1
//> after switch
//> two
//> after switch
//> other
//> after switch
