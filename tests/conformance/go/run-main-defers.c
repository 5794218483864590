// Defers registered in main run when main returns, before the program ends;
// the return value of main is still the exit status.
// spec: 3.3
#include <stdio.h>

int main(void)
{
  defer puts("main deferred 1");
  defer {
    puts("main deferred 2");
    fflush(stdout);
  }
  puts("main body");
  return 5;
}
//> main body
//> main deferred 2
//> main deferred 1
// expect-exit: 5
