// Falling off the end of main (implicit return 0) also runs main's
// deferred bodies.
// spec: 3.3
#include <stdio.h>

static int counter;

int main(void)
{
  defer printf("main deferred: counter=%d\n", counter);
  counter = 3;
  puts("main body");
}
//> main body
//> main deferred: counter=3
