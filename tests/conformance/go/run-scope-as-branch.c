// `if (c) scope { ... } else scope { ... }`: a scope used as a branch body
// runs its deferred bodies at the end of the branch, before the code after
// the if statement.
// spec: 2, 3.1
#include <stdio.h>

static void f(int c)
{
  if (c) scope {
    defer puts(" then-scope deferred");
    puts(" then branch");
  } else scope {
    defer puts(" else-scope deferred");
    puts(" else branch");
  }
  puts(" after if");
}

int main(void)
{
  puts("f(1):");
  f(1);
  puts("f(0):");
  f(0);
  return 0;
}
//> f(1):
//>  then branch
//>  then-scope deferred
//>  after if
//> f(0):
//>  else branch
//>  else-scope deferred
//>  after if
