// Control flow that stays inside a deferred body is fine: break/continue of
// a loop in the body, a switch with break, a goto to a label in the body,
// and a static local that must exist once (shared by every exit path that
// runs the body, across calls).
// spec: 3.6, jump-out-of-defer
#include <stdio.h>

static void f(int early)
{
  defer {
    static int calls;
    int k = 0, i;
    calls++;
    for (i = 0; i < 10; i++) {
      if (i % 2)
        continue;
      if (i > 4)
        break;
      k += i;
    }
    switch (k) {
    case 6:
      printf("k=6 ");
      break;
    default:
      printf("k=%d ", k);
      break;
    }
    int tries = 0;
  retry:
    if (++tries < 3)
      goto retry;
    printf("tries=%d calls=%d early=%d\n", tries, calls, early);
  }
  if (early)
    return;
  puts("f body");
}

int main(void)
{
  f(1);
  f(0);
  f(1);
  return 0;
}
//> k=6 tries=3 calls=1 early=1
//> f body
//> k=6 tries=3 calls=2 early=0
//> k=6 tries=3 calls=3 early=1
