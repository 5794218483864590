// while and do-while loops with a scope body; continue in a do-while runs
// the deferred bodies before the loop condition is evaluated.
// spec: 3.1, 3.3
#include <stdio.h>

static int cond(int i)
{
  printf("condition %d\n", i);
  return i < 3;
}

int main(void)
{
  int i = 0;
  while (i < 2) scope {
    defer printf("while deferred %d\n", i);
    i++;
    printf("while body, i now %d\n", i);
  }
  i = 0;
  do scope {
    i++;
    defer printf("do deferred %d\n", i);
    if (i == 2)
      continue;
    printf("do body %d\n", i);
  } while (cond(i));
  printf("end i=%d\n", i);
  return 0;
}
//> while body, i now 1
//> while deferred 1
//> while body, i now 2
//> while deferred 2
//> do body 1
//> do deferred 1
//> condition 1
//> do deferred 2
//> condition 2
//> do body 3
//> do deferred 3
//> condition 3
//> end i=3
