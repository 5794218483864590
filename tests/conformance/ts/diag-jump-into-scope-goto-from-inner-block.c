// jump-into-scope (model ts): the goto sits in a nested block that comes
// *before* the defer, and its label comes after the defer in the outer
// block: the jump enters the defer's scope past the defer.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b
// rejects: line 15 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  {
    if (argc > 3) {
      puts("bail");
      goto done; // expect-error: jump-into-scope
    }
  }
  _Defer puts("cleanup");
  puts("work");
done:
  puts("done");
  return 0;
}
