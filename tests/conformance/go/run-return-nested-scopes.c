// return from inside nested scopes (and a loop-body scope) runs every
// registered deferred body, innermost scope first, function body last;
// the returned value was computed before any of them ran.
// spec: 3.3, 3.4
#include <stdio.h>

static int found;

static int search(int target)
{
  int i;
  defer printf("function deferred, found=%d\n", found);
  for (i = 0; i < 5; i++) scope {
    defer printf(" iteration %d deferred\n", i);
    scope {
      defer printf("  inner deferred %d\n", i);
      if (i == target) {
        found = i;
        return i * 10;
      }
    }
  }
  return -1;
}

int main(void)
{
  printf("search(1) = %d\n", search(1));
  printf("search(9) = %d\n", search(9));
  return 0;
}
//>   inner deferred 0
//>  iteration 0 deferred
//>   inner deferred 1
//>  iteration 1 deferred
//> function deferred, found=1
//> search(1) = 10
//>   inner deferred 0
//>  iteration 0 deferred
//>   inner deferred 1
//>  iteration 1 deferred
//>   inner deferred 2
//>  iteration 2 deferred
//>   inner deferred 3
//>  iteration 3 deferred
//>   inner deferred 4
//>  iteration 4 deferred
//> function deferred, found=1
//> search(9) = -1
