// defer-before-check (negative): free() accepts NULL, so deferring it before
// the failure test is fine (SPEC section 4, defer-before-check: "Not for
// release functions that accept NULL (`free`, ...)").
// spec: defer-before-check
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fill(size_t n)
{
  char *p = malloc(n);
  defer free(p);
  if (!p)
    return -1;
  memset(p, 'x', n - 1);
  p[n - 1] = '\0';
  puts(p);
  return 0;
}

int main(void)
{
  return fill(4);
}
//> xxx
