// defer-before-check (negative): a release function marked
// `__attribute__((cdefer_null_ok))` accepts NULL (SPEC section 4,
// defer-before-check: "and those marked __attribute__((cdefer_null_ok))"),
// so the defer may come before the failure test.
// spec: defer-before-check
#include <stdio.h>
#include <stdlib.h>

struct buf { int len; };

static struct buf *buf_new(int len)
{
  struct buf *b = malloc(sizeof *b);
  if (b)
    b->len = len;
  return b;
}

__attribute__((cdefer_null_ok))
static void buf_drop(struct buf *b)
{
  if (!b)
    return;
  printf("drop %d\n", b->len);
  free(b);
}

static int use(int len)
{
  struct buf *b = buf_new(len);
  defer buf_drop(b);
  if (!b)
    return -1;
  printf("use %d\n", b->len);
  return 0;
}

int main(void)
{
  return use(8);
}
//> use 8
//> drop 8
