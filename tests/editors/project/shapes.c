/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every statement shape of defer and scope (model go), for clangd.  */
#include <stdio.h>
#include <stdlib.h>
#include <cdefer.h>

struct res {
  int fd;
  char *buf;
};

static void release(struct res *r)
{
  free(r->buf);
  r->buf = NULL;
}

__attribute__((cdefer_releases(1))) static void drop(char *p)
{
  free(p);
}

static char *make(int n)
{
  char *p = malloc(n);
  if (!p)
    return NULL;
  defer free(p);
  p[0] = 0;
  return cdefer_take(p);
}

static int total;

static int shapes(int n, struct res *r, int *slot)
{
  defer release(r);
  defer {
    printf("block %d\n", n);
    r->fd = -1;
  }
  defer if (n > 1) puts("big"); else puts("small");
  defer switch (n) {
  case 1:
    puts("one");
    break;
  default:
    break;
  }
  defer for (int i = 0; i < n; i++) total += i;
  defer while (total < 10) total++;
  defer do total--; while (total > 20);
  defer (void)fflush(stdout);
  defer ++total;
  defer *slot = 0;
  defer (*slot)++;
  defer drop(make(2));
  for (int i = 0; i < n; i++) scope {
    defer total += i;
  }
  int k = n;
  while (k--) scope {
    defer total++;
  }
  do scope {
    defer total--;
  } while (0);
  scope {
    defer {
      defer puts("nested");
      puts("outer body");
    }
  }
  int v = ({
    defer puts("in a statement expression");
    n + 1;
  });
  if (n > 2) scope {
    defer puts("if scope");
  }
  switch (n) scope {
  case 3:
    defer puts("switch scope");
    break;
  }
  _Defer puts("spelled _Defer");
  _Scope {
    _Defer puts("spelled _Scope");
  }
  return v;
}

int main(void)
{
  int slot = 5;
  struct res r = { 0, make(4) };
  return shapes(3, &r, &slot) == 4 ? 0 : 1;
}
