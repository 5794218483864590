// jump-out-of-defer (model ts): a goto from inside a deferred block to a
// label outside it. Error at the goto.
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
