// requires: source-input
// keyword-shadows-name (positive, warning): a local variable and a parameter
// named `defer` are in view where `defer` is followed by an identifier, so
// the keyword is taken and the backends warn.  Inside the deferred body,
// `defer` followed by `)` is the variable again.  By-reference semantics:
// the body sees the value at the time it runs.
// spec: 2, keyword-shadows-name
#include <stdio.h>

static void with_param(int defer)
{
  defer puts("param shadowed"); // expect-warning: keyword-shadows-name
  printf("param %d\n", defer);
}

int main(void)
{
  int defer = 3;
  defer printf("defer=%d\n", defer); // expect-warning: keyword-shadows-name
  defer++;
  with_param(defer);
  return 0;
}
//> param 4
//> param shadowed
//> defer=4
