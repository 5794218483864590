// defer-in-loop (positive): only a `do { } while (E)` whose E is an integer
// constant expression equal to 0 is exempt (SPEC 4).  `0 && x` and `x * 0`
// name a variable, `(void *)0` is a pointer and `0.0` a floating constant:
// none is an integer constant expression (C11 6.6p6), although each is 0,
// so each loop is a loop for this rule (decision of issue 12).  Before
// issue 12 the plugin exempted all four (GCC folds them to 0); it reads the
// condition's text now (core/ice.c).
// spec: defer-in-loop
// rejects: line 17 (defer-in-loop)
// rejects: line 18 (defer-in-loop)
// rejects: line 19 (defer-in-loop)
// rejects: line 20 (defer-in-loop)
#include <stdio.h>

static void work(int x)
{
  do { defer puts("a"); } while (0 && x); // expect-error: defer-in-loop
  do { defer puts("b"); } while (x * 0); // expect-error: defer-in-loop
  do { defer puts("c"); } while ((void *)0); // expect-error: defer-in-loop
  do { defer puts("d"); } while (0.0); // expect-error: defer-in-loop
}

int main(void)
{
  work(1);
  return 0;
}
