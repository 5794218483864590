/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Model ts: defer from <stddefer.h>, deferred blocks of every kind.  */
#include <stddefer.h>
#include <stdio.h>

int main(void)
{
  int n = 2;
  {
    defer puts("expression statement");
    defer {
      int sq = n * n;
      printf("compound: %d\n", sq);
    }
    defer if (n > 1) puts("if: then"); else puts("if: else");
    defer for (int i = 0; i < n; i++) printf("for: %d\n", i);
    defer while (n < 4) n++;
    defer switch (n) {
    case 2: puts("switch: two"); break;
    default: puts("switch: other"); break;
    }
    _Defer puts("spelled _Defer");
    for (int i = 0; i < n; i++) {
      defer printf("iteration %d\n", i);
    }
  }
  printf("n = %d\n", n);
  return 0;
}
