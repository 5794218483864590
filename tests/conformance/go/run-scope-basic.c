// A `scope { ... }` statement is a defer scope: its deferred bodies run
// when control falls off its end, before the statement after it; nested
// scopes run innermost first; the function body's defers run last.
// spec: 3.1, 3.3
#include <stdio.h>

int main(void)
{
  defer puts("function deferred");
  puts("before scope");
  scope {
    defer puts("outer scope deferred");
    scope {
      defer puts("inner scope deferred");
      puts("inner scope body");
    }
    puts("outer scope body");
  }
  puts("after scope");
  scope {
  }
  scope {
    puts("scope without defers");
  }
  return 0;
}
//> before scope
//> inner scope body
//> inner scope deferred
//> outer scope body
//> outer scope deferred
//> after scope
//> scope without defers
//> function deferred
