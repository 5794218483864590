// defer-in-loop (negative): a defer inside a deferred body, inside a loop
// whose body is a scope.  The inner defer's scope is the outer deferred
// body, and the loop is not inside that body, so the rule does not apply:
// the inner defer runs when the outer deferred body finishes.  A loop inside
// a deferred body whose body is a scope is fine too.
// spec: defer-in-loop
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 2; i++) scope {
    defer {
      defer printf("inner %d\n", i);
      printf("outer %d\n", i);
    }
    printf("iter %d\n", i);
  }
  defer {
    for (int j = 0; j < 2; j++) scope {
      defer printf("cleanup %d\n", j);
    }
  }
  puts("end of main");
  return 0;
}
//> iter 0
//> outer 0
//> inner 0
//> iter 1
//> outer 1
//> inner 1
//> end of main
//> cleanup 0
//> cleanup 1
