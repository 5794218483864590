// fixit-id: defer-in-loop
// expect-fixits: 4
// `do` loops whose body is not a compound statement: the fix-it must wrap
// the body -- the whole defer statement -- in `scope { }` (`do scope {
// defer ...; } while`), not insert inside the defer statement.  Two fix-it
// lines each.  Compound `do` bodies are in mixed.c.
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
