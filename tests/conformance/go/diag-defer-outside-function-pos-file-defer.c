// requires: source-input
// defer-outside-function (positive): a `defer` statement at file scope.
// `defer` followed by an identifier is the keyword (SPEC section 2), and
// there is no function body for it to belong to.  Located at the keyword.
// spec: 2, defer-outside-function
// rejects: line 9 (defer-outside-function)
#include <stdio.h>

defer puts("bye"); // expect-error: defer-outside-function

int main(void)
{
  return 0;
}
