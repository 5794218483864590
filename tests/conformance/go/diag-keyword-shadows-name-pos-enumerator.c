// requires: source-input
// keyword-shadows-name (positive, warning): an enumerator named `defer` and a
// typedef named `scope` are ordinary identifiers in view, so taking the
// keywords (`defer` + identifier, `scope` + `{`) is diagnosed.
// spec: 2, keyword-shadows-name
#include <stdio.h>

enum { defer = 7 };
typedef int scope;

int main(void)
{
  scope { // expect-warning: keyword-shadows-name
    defer puts("deferred"); // expect-warning: keyword-shadows-name
    printf("%d\n", defer);
  }
  return 0;
}
//> 7
//> deferred
