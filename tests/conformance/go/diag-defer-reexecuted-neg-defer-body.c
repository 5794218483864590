// defer-reexecuted (negative): a backward `goto` inside a deferred body to a
// label inside the same deferred body, with no defer between them, and a
// defer in a later nested scope that is re-entered fresh each time.
// spec: 3.7, defer-reexecuted
#include <stdio.h>

int main(void)
{
  defer {
    int k = 0;
  again:
    k++;
    scope {
      defer printf("k=%d\n", k);
    }
    if (k < 2)
      goto again;
  }
  puts("main");
  return 0;
}
//> main
//> k=1
//> k=2
