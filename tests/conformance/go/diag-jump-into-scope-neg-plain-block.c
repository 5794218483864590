// jump-into-scope (negative): plain blocks (an `if` body, a bare block) are
// not defer scopes in model go, so jumping into them is ordinary C; and case
// labels of a switch whose body contains a `scope` are fine as long as the
// labels themselves are outside that scope.
// spec: jump-into-scope
#include <stdio.h>

static void pick(int k)
{
  switch (k) {
  case 1:
    scope {
      defer puts("scope done");
      puts("one");
    }
    break;
  case 2:
    puts("two");
    break;
  }
}

int main(void)
{
  int n = 0;
  goto in;
  if (n) {
  in:
    puts("in the if block");
  }
  pick(1);
  pick(2);
  return 0;
}
//> in the if block
//> one
//> scope done
//> two
