// A switch-scope inside a loop: continue and break inside it leave the
// scope (running its deferred bodies) -- continue goes on to the loop's
// next iteration, break only leaves the switch.
// spec: 3.1, 3.3
#include <stdio.h>

int main(void)
{
  int i;
  for (i = 0; i < 3; i++) {
    switch (i) scope {
    case 0:
      defer printf(" deferred case 0\n");
      puts(" case 0: continue");
      continue;
    case 1:
      defer printf(" deferred case 1\n");
      puts(" case 1: break");
      break;
    default:
      defer printf(" deferred default (i=%d)\n", i);
      puts(" default");
    }
    printf("after switch, i=%d\n", i);
  }
  puts("done");
  return 0;
}
//>  case 0: continue
//>  deferred case 0
//>  case 1: break
//>  deferred case 1
//> after switch, i=1
//>  default
//>  deferred default (i=2)
//> after switch, i=2
//> done
