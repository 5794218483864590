// requires: source-input
// defer-outside-function (positive): the reserved spellings `_Defer` and
// `_Scope` are always keywords, and are just as invalid at file scope.
// spec: 2, defer-outside-function
// rejects: line 11 (defer-outside-function)
// rejects: line 13 (defer-outside-function)
#include <stdlib.h>

static char *buffer;

_Defer free(buffer); // expect-error: defer-outside-function

_Scope { // expect-error: defer-outside-function
  int x;
}

int main(void)
{
  return 0;
}
