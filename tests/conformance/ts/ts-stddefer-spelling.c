// TS 25755: <stddefer.h> makes "defer" available as a spelling of _Defer;
// both spellings mean the same statement and can be mixed in one block
// (LIFO across the spellings). With cdefer the header is cdefer's own
// stddefer.h; with Clang it is Clang's.
// spec: 3.ts
// ts: 6.2p1, 6.2p2, 7.2p2
#include <stddefer.h>
#include <stdio.h>

int main(void)
{
  {
    defer puts("defer 1 (defer)");
    _Defer puts("defer 2 (_Defer)");
    defer {
      defer puts("nested defer (defer)");
      puts("defer 3 body (defer)");
    }
    puts("block");
  }
  for (int i = 0; i < 2; i++)
    defer printf("loop %d\n", i);
  return 0;
}
//> block
//> defer 3 body (defer)
//> nested defer (defer)
//> defer 2 (_Defer)
//> defer 1 (defer)
//> loop 0
//> loop 1
