// migrate: --rules=cleanup-attr
#include <stdio.h>
#include <stdlib.h>

/* `scope` as the parameter of prototypes only, as in <gio/gio.h>
   (g_io_module_scope_free (GIOModuleScope *scope)): the name is not
   visible outside the parentheses, so the blocks made scopes are spelt
   `scope`, not `_Scope`.  */
typedef struct Scope Scope;
void scope_free (Scope *scope);
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
  names (2);
  return 0;
}
//> use s0
//> free s0
//> use s1
//> free s1
