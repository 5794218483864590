// Leaving a statement expression by return or break (GNU C permits jumping
// out of one) runs its deferred bodies first, then those of the scopes
// being left around it.
// requires: statement-expressions
// spec: 3.1, 3.3
#include <stdio.h>

static int f(int fail)
{
  defer puts(" f deferred");
  int v = ({
    defer puts(" se deferred");
    if (fail)
      return -1;
    10;
  });
  printf(" v=%d\n", v);
  return v;
}

int main(void)
{
  int i, r;
  r = f(1);
  printf("f(1)=%d\n", r);
  r = f(0);
  printf("f(0)=%d\n", r);
  for (i = 0; i < 3; i++) {
    int v = ({
      defer printf(" loop se deferred %d\n", i);
      if (i == 1)
        break;
      i * 100;
    });
    printf(" got %d\n", v);
  }
  printf("i=%d\n", i);
  return 0;
}
//>  se deferred
//>  f deferred
//> f(1)=-1
//>  se deferred
//>  v=10
//>  f deferred
//> f(0)=10
//>  loop se deferred 0
//>  got 0
//>  loop se deferred 1
//> i=1
