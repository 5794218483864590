// jump-out-of-defer (model ts): a goto from inside a deferred block to a
// label outside it. Error at the goto.
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c, 6.4 example 1
// rejects: line 15 (jump-out-of-defer)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  {
    _Defer {
      puts("cleanup");
      if (argc > 2)
        goto out; // expect-error: jump-out-of-defer
    }
    puts("work");
  }
out:
  return 0;
}
