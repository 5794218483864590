// TS 25755: a deferred block containing a loop whose body has a defer: the
// inner defer is scoped to the loop body inside the deferred block and
// runs at the end of each of those iterations, all while the outer
// deferred block runs.
// spec: 3.ts, 3.6
// ts: 6.4p5
#include <stdio.h>

int main(void)
{
  {
    _Defer {
      puts("cleanup start");
      for (int i = 0; i < 3; i++) {
        _Defer printf("  released %d\n", i);
        printf("  releasing %d\n", i);
      }
      puts("cleanup end");
    }
    puts("block");
  }
  return 0;
}
//> block
//> cleanup start
//>   releasing 0
//>   released 0
//>   releasing 1
//>   released 1
//>   releasing 2
//>   released 2
//> cleanup end
