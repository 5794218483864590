// Layout does not matter for the contextual keywords: `scope` with its `{`
// on the next line, `defer` with its body on the next line, comments
// between the keyword and what follows.
// spec: 2
#include <stdio.h>

int main(void)
{
  scope
  {
    defer
      puts("deferred 1");
    defer /* a comment */ puts("deferred 2");
    defer // a line comment
    {
      puts("deferred 3");
    }
    puts("scope body");
  }
  scope /* comment */ {
    defer
    (void)puts("deferred 4");
  }
  puts("end");
  return 0;
}
//> scope body
//> deferred 3
//> deferred 2
//> deferred 1
//> deferred 4
//> end
