// A deferred body that calls its own function recursively: each call's
// deferred body runs when that call ends, so the calls nest inside the
// deferred bodies.
// spec: 3.6
#include <stdio.h>

static void f(int n)
{
  defer {
    if (n > 0)
      f(n - 1);
    printf("f(%d) deferred done\n", n);
  }
  printf("f(%d) body\n", n);
}

int main(void)
{
  f(2);
  return 0;
}
//> f(2) body
//> f(1) body
//> f(0) body
//> f(0) deferred done
//> f(1) deferred done
//> f(2) deferred done
