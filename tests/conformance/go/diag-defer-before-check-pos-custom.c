// defer-before-check (positive): the rule is not limited to libc: a user
// release function that does not accept NULL, deferred before the failure
// test `c == NULL` (SPEC section 4, defer-before-check: "Not for release
// functions that accept NULL"; this one is not marked cdefer_null_ok).
// spec: defer-before-check
#include <stdio.h>
#include <stdlib.h>

struct conn { int id; };

static struct conn *conn_open(int id)
{
  struct conn *c = malloc(sizeof *c);
  if (c)
    c->id = id;
  return c;
}

static void conn_close(struct conn *c)
{
  printf("close %d\n", c->id);
  free(c);
}

static int talk(int id)
{
  struct conn *c = conn_open(id);
  defer conn_close(c); // expect-warning: defer-before-check
  if (c == NULL || id < 0)
    return -1;
  printf("talk %d\n", c->id);
  return 0;
}

int main(void)
{
  return talk(3);
}
//> talk 3
//> close 3
