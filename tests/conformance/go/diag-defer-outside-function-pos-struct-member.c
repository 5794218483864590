// requires: source-input
// defer-outside-function (positive): a `defer` (with a compound body) inside
// a struct definition at file scope, as if it were a member: a defer cannot
// be attached to a type or an object, only to a function body.
// spec: 2, defer-outside-function
// rejects: line 11 (defer-outside-function)
#include <stdio.h>

struct resource {
  int fd;
  defer { puts("close"); } // expect-error: defer-outside-function
};

int main(void)
{
  return 0;
}
