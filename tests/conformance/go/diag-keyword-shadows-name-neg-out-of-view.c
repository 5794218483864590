// keyword-shadows-name (negative): declarations named `defer` and `scope`
// exist, but not where the keyword is taken: one is in a block that has
// ended, the other in another function; and a file-scope `scope` declared
// only after `main`.  Only a *visible* declaration makes the keyword
// suspicious.
// spec: 2, keyword-shadows-name
#include <stdio.h>

static int uses_scope_name(void)
{
  int scope = 5;
  return scope + 1;
}

int main(void)
{
  if (uses_scope_name() == 6) {
    int defer = 2;
    defer++;
    printf("inner %d\n", defer);
  }
  defer puts("deferred");
  scope {
    defer puts("scoped");
  }
  puts("end");
  return 0;
}

int scope = 9;
//> inner 3
//> scoped
//> end
//> deferred
