// defer-in-loop (negative): `(int)0` and `sizeof(int) == 3` are integer
// constant expressions equal to 0 (C11 6.6p6: casts of integer constants
// and sizeof are allowed; every platform cdefer supports has 4-byte int), so
// these `do { } while (E)` run once and are not loops for defer-in-loop
// (SPEC 4; decision of issue 12).  As do-while(0) bodies they are not plain
// blocks either: the defers register in the function body and run at its
// end.  So are a cast of a floating constant and a conversion to a
// narrower type through a typedef (6.6p6: 256 converted to unsigned char
// is 0).  Before issue 12 the front end reported defer-in-loop for them.
// spec: defer-in-loop
#include <stdio.h>

typedef unsigned char byte;

static void work(void)
{
  do { defer puts("cast"); } while ((int)0);
  do { defer puts("sizeof"); } while (sizeof(int) == 3);
  do { defer puts("float"); } while ((int)0.5);
  do { defer puts("typedef"); } while ((byte)256);
  puts("end of work");
}

int main(void)
{
  work();
  return 0;
}
//> end of work
//> typedef
//> float
//> sizeof
//> cast
