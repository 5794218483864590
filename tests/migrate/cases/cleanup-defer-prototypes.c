// migrate: --rules=cleanup-attr
#include <stdio.h>
#include <stdlib.h>

/* `defer` as the parameter of prototypes only (int defer, void (*cb)
   (int defer)): the name is not visible outside the parentheses, so the
   inserted defers are spelt `defer`, not `_Defer`.  */
int queue_work (void (*fn) (void *), void *arg, int defer);
struct timer { void (*arm) (int defer, unsigned ms); };

static void freep (char **p) { printf ("free %s\n", *p); free (*p); }

static void names (int n)
{
  for (int i = 0; i < n; i++)
    {
      __attribute__ ((cleanup (freep))) char *s = malloc (8);
      snprintf (s, 8, "s%d", i);
      printf ("use %s\n", s);
    }
}

int main (void)
{
  names (2);
  return 0;
}
//> use s0
//> free s0
//> use s1
//> free s1
