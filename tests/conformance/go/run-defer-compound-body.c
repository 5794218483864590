// `defer { ... }`: a compound deferred body with several statements, its
// own declarations, an if/else, and a loop inside it (a loop inside a
// deferred body is fine: the defer is not inside the loop).
// spec: 2, 3.6
#include <stdio.h>

static void f(const int *vals, int n)
{
  int processed = 0;
  defer {
    int i, sum = 0;
    for (i = 0; i < n; i++)
      sum += vals[i];
    if (processed == n)
      printf("all %d processed, sum=%d\n", n, sum);
    else
      printf("only %d of %d processed, sum=%d\n", processed, n, sum);
  }
  defer for (int k = 0; k < processed; k++) printf("cleanup item %d\n", k);
  while (processed < n && vals[processed] >= 0)
    processed++;
  printf("processed %d\n", processed);
}

int main(void)
{
  const int a[] = { 1, 2, 3 };
  const int b[] = { 4, -1, 6 };
  f(a, 3);
  f(b, 3);
  return 0;
}
//> processed 3
//> cleanup item 0
//> cleanup item 1
//> cleanup item 2
//> all 3 processed, sum=6
//> processed 1
//> cleanup item 0
//> only 1 of 3 processed, sum=9
