// fixit-id: defer-in-loop
// expect-fixits: 4
// Loops whose body is not a compound statement: the fix-it wraps the body in
// `scope { }` (two fix-it lines each).  `do` loops are in
// defer-in-loop-do-braceless.c.
#include <stdio.h>

int main(void)
{
  int i = 0;
  while (i++ < 2) defer printf("while %d\n", i);
  for (int j = 0; j < 2; j++) defer { printf("for %d\n", j); }
  puts("done");
  return 0;
}
//> while 1
//> while 2
//> for 0
//> for 1
//> done
