// jump-into-scope (model ts): a forward goto into the middle of a deferred
// block. It is one jump, so one error at the goto (it both enters the
// deferred block and passes the defer statement).
// spec: 3.ts, jump-into-scope
// ts: 6.4p3a, 6.4p3b
// rejects: line 13 (jump-into-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 7)
    goto inside; // expect-error: jump-into-scope
  _Defer {
    puts("cleanup, part 1");
  inside:
    puts("cleanup, part 2");
  }
  return 0;
}
