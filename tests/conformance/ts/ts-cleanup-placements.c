// Model ts: a cleanup attribute after the declarator, or on the second
// declarator of a list, registers when its declaration completes, so it
// runs in exact reverse order with the defers of its block (as the
// attribute before the type does, ts-cleanup-interleave.c), also on a
// break out of a loop body block.
// requires: cleanup-attribute
// spec: 3.ts, 3.3
// ts: extension
#include <stdio.h>

static void cl(int *p)
{
  printf("cleanup %d\n", *p);
}

int main(void)
{
  {
    _Defer puts("defer 1");
    int a __attribute__((cleanup(cl))) = 1;
    _Defer puts("defer 2");
    int b = 0, c __attribute__((cleanup(cl))) = 2;
    _Defer printf("defer 3 sees %d\n", b);
  }
  for (int n = 0; n < 3; n++) {
    int x __attribute__((cleanup(cl))) = 10 + n;
    _Defer printf("loop defer %d\n", n);
    if (n == 1)
      break;
    int y __attribute__((cleanup(cl))) = 20 + n;
  }
  return 0;
}
//> defer 3 sees 0
//> cleanup 2
//> defer 2
//> cleanup 1
//> defer 1
//> cleanup 20
//> loop defer 0
//> cleanup 10
//> loop defer 1
//> cleanup 11
