// jump-into-scope (negative): a `goto` out of a `scope` (it runs the deferred
// bodies on the way) and a `goto` to a label inside the same scope do not
// enter any scope.
// spec: jump-into-scope
#include <stdio.h>

int main(void)
{
  scope {
    defer puts("cleanup");
    goto skip;
    puts("not printed");
  skip:
    puts("skipped");
    goto out;
  }
out:
  puts("out");
  return 0;
}
//> skipped
//> cleanup
//> out
