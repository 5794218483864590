// Braceless conditional defers: `if (c) defer f(); else g();` -- the else
// belongs to the if, the defer registers only when c is true.
// spec: 3.2
#include <stdio.h>

static void f(int c)
{
  if (c) defer puts("deferred (c true)"); else puts("else branch");
  if (!c)
    defer puts("deferred (c false)");
  else
    puts("second else branch");
  puts("end of f");
}

int main(void)
{
  f(1);
  puts("--");
  f(0);
  return 0;
}
//> second else branch
//> end of f
//> deferred (c true)
//> --
//> else branch
//> end of f
//> deferred (c false)
