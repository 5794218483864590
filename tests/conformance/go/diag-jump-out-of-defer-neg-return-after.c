// jump-out-of-defer (negative): an ordinary `return` in the function body
// after a defer, and a `goto` out of a `scope` (not out of a deferred body),
// are the normal ways to leave a scope: the deferred bodies run on the way.
// spec: jump-out-of-defer
#include <stdio.h>

static int f(int fail)
{
  defer puts("f cleanup");
  scope {
    defer puts("scope cleanup");
    if (fail)
      goto error;
    puts("ok path");
  }
  return 0;
error:
  puts("error path");
  return -1;
}

int main(void)
{
  printf("%d\n", f(0));
  printf("%d\n", f(1));
  return 0;
}
//> ok path
//> scope cleanup
//> f cleanup
//> 0
//> scope cleanup
//> error path
//> f cleanup
//> -1
