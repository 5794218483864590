// requires: source-input
// keyword-shadows-name (positive, warning): a variable named `scope` is in
// view and `scope {` takes the keyword.  Inside the scope body, `scope++`
// and `scope)` are the variable.
// spec: 2, keyword-shadows-name
#include <stdio.h>

int main(void)
{
  int scope = 0;
  scope { // expect-warning: keyword-shadows-name
    defer printf("leaving, scope=%d\n", scope);
    scope++;
  }
  printf("after, scope=%d\n", scope);
  return 0;
}
//> leaving, scope=1
//> after, scope=1
