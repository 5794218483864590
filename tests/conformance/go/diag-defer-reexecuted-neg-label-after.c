// defer-reexecuted (negative): a backward `goto` to a label that comes after
// every defer of the scope re-executes no defer, so it is an ordinary loop.
// spec: 3.7, defer-reexecuted
#include <stdio.h>

int main(void)
{
  int n = 0;
  defer printf("n=%d\n", n);
loop:
  n++;
  if (n < 3)
    goto loop;
  puts("done");
  return 0;
}
//> done
//> n=3
