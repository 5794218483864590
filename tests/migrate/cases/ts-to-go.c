// migrate: --rules=ts-to-go
#include <stdio.h>

static void f (int i) { printf ("f %d\n", i); }

int main (void)
{
  defer f (0);                  /* the function body: a scope already */
  {
    defer f (1);
    printf ("in block\n");
  }
  for (int i = 0; i < 2; i++) { defer f (10 + i); printf ("it %d\n", i); }
  if (1)
    defer f (5);
  if (1) {
    defer f (6);
  } else {
    defer f (7);
  }
  switch (1)
    {
    case 1:
      defer f (8);
      printf ("case\n");
    }
  int x = ({ defer f (9); 3; });  /* a statement expression: a scope */
  {
    /* no defer directly here */
    {
      defer f (12);
    }
  }
  scope {
    defer f (13);
  }
  printf ("end %d\n", x);
  return 0;
}
//> in block
//> f 1
//> it 0
//> f 10
//> it 1
//> f 11
//> f 5
//> f 6
//> case
//> f 8
//> f 9
//> f 12
//> f 13
//> end 3
//> f 0
