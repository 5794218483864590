// jump-into-scope (negative): a whole `switch` inside a scope body: its case
// labels are inside the scope along with the switch, so they do not enter
// the scope.  A scope inside a case, entered from its start, is fine too.
// spec: jump-into-scope
#include <stdio.h>

int main(void)
{
  for (int k = 0; k < 3; k++) scope {
    defer printf("end %d\n", k);
    switch (k) {
    case 0:
      puts("zero");
      break;
    default:
      scope {
        defer puts("inner");
        puts("non-zero");
      }
      break;
    }
  }
  return 0;
}
//> zero
//> end 0
//> non-zero
//> inner
//> end 1
//> non-zero
//> inner
//> end 2
