// defer-in-loop (positive): `do { } while (E)` is exempt only when E is an
// integer constant expression equal to 0.  Here E is a run-time condition,
// and in the second function a `const int` object, which in C is NOT an
// integer constant expression, so both are real loops.
// spec: defer-in-loop
// rejects: line 19 (defer-in-loop)
// rejects: line 27 (defer-in-loop)
#include <stdio.h>

static int again(void)
{
  static int n;
  return ++n < 3;
}

static void retry(void)
{
  do {
    defer puts("retry"); // expect-error: defer-in-loop
  } while (again());
}

static void once(void)
{
  const int zero = 0;
  do {
    defer puts("once"); // expect-error: defer-in-loop
  } while (zero);
}

int main(void)
{
  retry();
  once();
  return 0;
}
