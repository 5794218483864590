// computed-goto-out-of-scope (negative): computed gotos inside a deferred
// body (itself a defer scope with a defer) whose targets are all inside that
// same body leave no scope.
// requires: computed-goto
// spec: computed-goto-out-of-scope
#include <stdio.h>

int main(void)
{
  int mode = 1;
  defer {
    static void *const where[] = { &&a, &&b };
    defer puts("inner cleanup");
    goto *where[mode];
  a:
    puts("a");
    goto *where[1];
  b:
    puts("b");
  }
  puts("main");
  return 0;
}
//> main
//> b
//> inner cleanup
