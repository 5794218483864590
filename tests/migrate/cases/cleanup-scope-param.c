// migrate: --rules=cleanup-attr
#include <stdio.h>
#include <stdlib.h>

/* `scope` as a parameter of a function definition: visible in its body,
   where `scope {` would warn keyword-shadows-name; so every block made
   a scope is spelt `_Scope`.  The prototypes do not count.  */
typedef struct Scope Scope;
static int count (int scope) { return scope + 1; }
void scope_block (Scope *scope, const char *basename) __attribute__ ((nonnull (1)));
struct module { void (*load) (Scope *scope); };

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
  names (count (1));
  return 0;
}
//> use s0
//> free s0
//> use s1
//> free s1
