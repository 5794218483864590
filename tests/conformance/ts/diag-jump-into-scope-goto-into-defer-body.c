// jump-into-scope (model ts): a goto from outside a deferred block to a
// label inside it (here backward, from after the defer statement) enters
// the deferred block without passing its start.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3a, 6.4 example 1
// rejects: line 18 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  _Defer {
    puts("cleanup, part 1");
  inside:
    puts("cleanup, part 2");
  }
  if (argc > 7)
    goto inside; // expect-error: jump-into-scope
  return 0;
}
