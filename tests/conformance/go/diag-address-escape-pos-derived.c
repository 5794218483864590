// address-escape (positive): a store through a local pointer derived from a
// parameter (SPEC section 4, address-escape: "through a pointer that is a
// parameter, a global or derived from one").  `c` is the thread-style `void *`
// argument converted to `struct ctx *`, `slot` is loaded through it, so both
// reach memory that outlives `worker`'s frame.
// spec: address-escape
// rejects: line 19 (address-escape)
// rejects: line 20 (address-escape)
#include <stdio.h>

struct ctx { int *p; int **slot; };

static void *worker(void *arg)
{
  struct ctx *c = arg;
  int **slot = c->slot;
  int x = 7;
  int y = 8;
  defer c->p = &x; // expect-error: address-escape
  defer { *slot = &y; } // expect-error: address-escape
  printf("%d %d\n", x, y);
  return NULL;
}

int main(void)
{
  int *q = NULL;
  struct ctx c = { NULL, &q };
  worker(&c);
  return 0;
}
