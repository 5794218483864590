// released-value-escapes (negative): a conditional release, `defer if (!ok)
// free(buf);`, whose condition is visibly false where the value leaves: ok
// was set to a non-zero constant earlier in the same block, with no label,
// loop or other assignment of ok in between (docs/diagnostics.md,
// released-value-escapes).  This is the usual way to free a half-built
// object on the error paths only.
// spec: released-value-escapes
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item { char *name; int size; };

struct item *item_new(const char *name, int size)
{
  bool ok = false;
  struct item *it = malloc(sizeof *it);
  if (!it)
    return NULL;
  defer if (!ok) free(it);
  if (size < 0)
    return NULL;
  it->name = strdup(name);
  if (!it->name)
    return NULL;
  it->size = size;
  ok = true;
  return it;
}

int main(void)
{
  struct item *it = item_new("box", 3);
  printf("%s %d %s\n", it->name, it->size, item_new("bad", -1) ? "?" : "null");
  free(it->name);
  free(it);
  return 0;
}
//> box 3 null
