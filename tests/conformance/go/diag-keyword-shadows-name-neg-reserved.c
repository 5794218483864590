// keyword-shadows-name (negative): the reserved spellings `_Defer` and
// `_Scope` are always keywords and never collide with user names, so using
// them while a variable named `defer` and a function named `scope` are
// visible is not diagnosed (this is the recommended spelling for such code).
// spec: 2, keyword-shadows-name
#include <stdio.h>

static int scope(int v)
{
  return v + 100;
}

int main(void)
{
  int defer = 1;
  _Defer printf("defer=%d\n", defer);
  _Scope {
    _Defer printf("scope=%d\n", scope(defer));
    defer = 2;
  }
  return 0;
}
//> scope=102
//> defer=2
