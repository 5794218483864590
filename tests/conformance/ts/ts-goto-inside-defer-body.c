// TS 25755: jumps that stay inside a deferred block are allowed -- a goto
// between labels of the same deferred block, and break/continue of a loop
// that is itself inside the deferred block. The deferred block may be a
// compound statement that begins with a label (only a deferred *statement*
// that is itself labelled is forbidden).
// spec: 3.ts
// ts: 6.3p2, 6.4p3c
#include <stdio.h>

int main(void)
{
  {
    _Defer {
    top:
      puts("defer body");
      static int rounds;
      if (++rounds < 2)
        goto top;
      for (int i = 0; i < 10; i++) {
        if (i == 1)
          continue;
        if (i == 3)
          break;
        printf("i = %d\n", i);
      }
    }
    puts("block");
  }
  return 0;
}
//> block
//> defer body
//> defer body
//> i = 0
//> i = 2
