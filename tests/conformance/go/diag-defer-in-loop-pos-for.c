// defer-in-loop (positive): a defer directly in the compound body of a `for`
// loop whose defer scope is the function body.  Each iteration would register
// another deferred body that only runs when the function returns -- the
// classic Go pile-up -- so model go rejects it at the `defer` keyword.
// spec: defer-in-loop
// rejects: line 13 (defer-in-loop)
#include <stdio.h>

static void work(int n)
{
  int i;
  for (i = 0; i < n; i++) {
    defer printf("done %d\n", n); // expect-error: defer-in-loop
    printf("step\n");
  }
}

int main(void)
{
  work(3);
  return 0;
}
