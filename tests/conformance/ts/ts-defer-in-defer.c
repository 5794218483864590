// TS 25755: a deferred block is itself a block; a defer statement inside it
// registers with that deferred block and runs when the deferred block
// finishes (before the next outer deferred block runs).
// spec: 3.ts, 3.6
// ts: 6.4p5
#include <stdio.h>

int main(void)
{
  {
    _Defer puts("outer defer 1");
    _Defer {
      _Defer puts("inner of defer 2: registered first, runs last");
      _Defer puts("inner of defer 2: registered second");
      puts("defer 2 body");
    }
    puts("block body");
  }
  puts("done");
  return 0;
}
//> block body
//> defer 2 body
//> inner of defer 2: registered second
//> inner of defer 2: registered first, runs last
//> outer defer 1
//> done
