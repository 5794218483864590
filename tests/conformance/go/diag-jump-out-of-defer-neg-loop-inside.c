// jump-out-of-defer (negative): `break` and `continue` inside a loop that is
// itself inside the deferred body target that loop, so control never leaves
// the deferred body.  A `switch` with `break` inside the body likewise.
// spec: jump-out-of-defer
#include <stdio.h>

int main(void)
{
  defer {
    for (int i = 0; i < 5; i++) {
      if (i == 1)
        continue;
      if (i == 3)
        break;
      printf("i=%d\n", i);
    }
    int j = 0;
    while (1) {
      if (++j == 2)
        break;
    }
    switch (j) {
    case 2:
      puts("two");
      break;
    default:
      puts("other");
      break;
    }
  }
  puts("main");
  return 0;
}
//> main
//> i=0
//> i=2
//> two
