// fixit-id: defer-in-loop
// expect-fixits: 2
// `do` loops whose body is not a compound statement: the fix-it must insert
// `_Scope ` before the body -- the `defer` -- (`do _Scope defer ...`), not
// inside the defer statement.  Compound `do` bodies are in mixed.c.
#include <stdio.h>

int main(void)
{
  int k = 0;
  do defer printf("do %d\n", k); while (++k < 2);
  do defer { printf("do block %d\n", k); } while (++k < 4);
  puts("done");
  return 0;
}
//> do 0
//> do 1
//> do block 2
//> do block 3
//> done
