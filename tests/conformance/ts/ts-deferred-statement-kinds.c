// TS 25755: the deferred block may be any (unlabelled, non-declaration)
// statement: an expression statement, a compound statement, an if/else,
// a loop, a switch. Each runs, as a whole, at the block's exit, in reverse
// order: the switch sees n = 2, the while then raises n to 4, so the for
// loop prints 0..3.
// spec: 3.ts
// ts: 6.3p1, 6.4p1, 6.4 example 9
#include <stdio.h>

int main(void)
{
  int n = 2;
  {
    _Defer puts("expression statement");
    _Defer {
      int sq = n * n;
      printf("compound: %d\n", sq);
    }
    _Defer if (n > 1) puts("if: then"); else puts("if: else");
    _Defer for (int i = 0; i < n; i++) printf("for: %d\n", i);
    _Defer while (n < 4) n++;
    _Defer switch (n) {
    case 2: puts("switch: two"); break;
    default: puts("switch: other"); break;
    }
    puts("block");
  }
  printf("n = %d\n", n);
  return 0;
}
//> block
//> switch: two
//> for: 0
//> for: 1
//> for: 2
//> for: 3
//> if: then
//> compound: 16
//> expression statement
//> n = 4
