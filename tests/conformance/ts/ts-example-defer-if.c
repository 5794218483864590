// TS 25755 6.4 EXAMPLE 9: the deferred block can be any unlabeled
// statement, here a selection statement: `defer if (!err) un_purr(h);`
// releases the handle only when purr succeeded.  Called once with
// success and once with failure.
// spec: 3.ts, 3.5
// ts: 6.4p1, 6.4 example 9
#include <stddefer.h>
#include <stdio.h>

typedef struct meow *handle;

static struct meow { int id; } the_cat = { 7 };
static int fail;

static int purr(handle *h)
{
  if (fail)
    return 1;
  *h = &the_cat;
  printf("purr %d\n", the_cat.id);
  return 0;
}

static void un_purr(handle h)
{
  printf("un_purr %d\n", h->id);
}

static int try_once(void)
{
  handle h;
  int err = purr(&h);
  defer if (!err) un_purr(h);
  puts(err ? "purr failed" : "purring");
  return 0;
}

int main(void)
{
  try_once();
  fail = 1;
  try_once();
  return 0;
}
//> purr 7
//> purring
//> un_purr 7
//> purr failed
