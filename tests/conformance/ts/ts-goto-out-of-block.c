// TS 25755: a goto to a label outside the block (here: after it, and out of
// two nested blocks at once) leaves those blocks, so their registered
// deferred blocks run, innermost block first, before control arrives at
// the label. Defers after the goto were never reached and do not run.
// spec: 3.ts, 3.3
// ts: 6.4p4, 6.4 example 1
#include <stdio.h>

int main(void)
{
  int fail = 1;
  {
    _Defer puts("outer block defer");
    {
      _Defer puts("inner block defer 1");
      _Defer puts("inner block defer 2");
      if (fail)
        goto out;
      _Defer puts("never reached");
    }
    puts("not printed");
  }
out:
  puts("at label out");
  return 0;
}
//> inner block defer 2
//> inner block defer 1
//> outer block defer
//> at label out
