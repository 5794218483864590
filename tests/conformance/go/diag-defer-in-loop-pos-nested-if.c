// defer-in-loop (positive): the defer is in an `if` block inside a `for (;;)`
// body.  A conditional defer is still in the loop body; being reached on only
// some iterations does not stop it piling up.  Two defers in the same loop
// give two errors.
// spec: defer-in-loop
// rejects: line 17 (defer-in-loop)
// rejects: line 19 (defer-in-loop)
#include <stdio.h>

static void scan(const int *v, int n)
{
  int i = 0;
  for (;;) {
    if (i >= n)
      break;
    if (v[i] < 0) {
      defer printf("negative at %d\n", i); // expect-error: defer-in-loop
    }
    defer puts("seen"); // expect-error: defer-in-loop
    i++;
  }
}

int main(void)
{
  int v[] = { 1, -2, 3 };
  scan(v, 3);
  return 0;
}
