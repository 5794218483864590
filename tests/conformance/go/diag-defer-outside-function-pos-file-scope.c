// requires: source-input
// defer-outside-function (positive): a `scope` statement at file scope,
// between two function definitions.  `scope` followed by `{` is the keyword.
// spec: 2, defer-outside-function
// rejects: line 13 (defer-outside-function)
#include <stdio.h>

static int helper(void)
{
  return 1;
}

scope { // expect-error: defer-outside-function
  int hidden;
}

int main(void)
{
  return helper() - 1;
}
