// migrate: --rules=loops
#include <stdio.h>

static void f (int i) { printf ("f %d\n", i); }
#define EACH(i, n) for (int i = 0; i < (n); i++) {
#define END }
#define BODY(i) defer f (i)

int main (void)
{
  EACH (i, 2)
    defer f (i);
  END
  for (int i = 0; i < 2; i++)
    BODY (i);
  return 0;
}
