// jump-into-scope (model ts): a forward goto past a defer statement to a
// label in the same block enters the scope of that defer without passing
// it (TS 25755 constraint). The error is at the goto.
// spec: 3.ts, jump-into-scope
// ts: 6.4p3b, 6.4 example 1
// rejects: line 13 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 5)
    goto out; // expect-error: jump-into-scope
  _Defer puts("cleanup");
  puts("work");
out:
  return 0;
}
