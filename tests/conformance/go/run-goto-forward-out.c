// goto forward to a label outside a scope runs the scope's deferred bodies
// before control reaches the label; defers of the function body stay
// registered until the function ends.
// spec: 3.3
#include <stdio.h>

static void f(int fail)
{
  defer puts("function deferred");
  scope {
    defer puts("scope deferred 1");
    if (fail) {
      puts("failing");
      goto out;
    }
    defer puts("scope deferred 2");
    puts("scope body done");
  }
  puts("after scope");
out:
  puts("at out");
}

int main(void)
{
  f(0);
  puts("--");
  f(1);
  return 0;
}
//> scope body done
//> scope deferred 2
//> scope deferred 1
//> after scope
//> at out
//> function deferred
//> --
//> failing
//> scope deferred 1
//> at out
//> function deferred
