// jump-out-of-defer (negative): a `goto` whose label is inside the same
// deferred body, forward and backward, does not leave the body.
// spec: jump-out-of-defer
#include <stdio.h>

int main(void)
{
  defer {
    int n = 0;
    puts("start");
    goto skip;
    puts("not printed");
  skip:
    n++;
    if (n < 3)
      goto skip;
    printf("n=%d\n", n);
  }
  puts("main");
  return 0;
}
//> main
//> start
//> n=3
