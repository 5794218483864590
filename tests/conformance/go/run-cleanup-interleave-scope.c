// Cleanup variables and defers inside a loop-body scope, left by falling
// off the end, by continue and by break: exact LIFO every time.
// requires: cleanup-attribute
// spec: 3.3
#include <stdio.h>

static void cl(int *p)
{
  printf(" cleanup %d\n", *p);
}

int main(void)
{
  int i;
  for (i = 0; i < 3; i++) scope {
    __attribute__((cleanup(cl))) int first = i * 10 + 1;
    defer printf(" defer A%d\n", i);
    __attribute__((cleanup(cl))) int second = i * 10 + 2;
    if (i == 1) {
      puts(" continue");
      continue;
    }
    defer printf(" defer B%d\n", i);
    if (i == 2) {
      puts(" break");
      break;
    }
    printf("iteration %d end (%d,%d)\n", i, first, second);
  }
  puts("done");
  return 0;
}
//> iteration 0 end (1,2)
//>  defer B0
//>  cleanup 2
//>  defer A0
//>  cleanup 1
//>  continue
//>  cleanup 12
//>  defer A1
//>  cleanup 11
//>  break
//>  defer B2
//>  cleanup 22
//>  defer A2
//>  cleanup 21
//> done
