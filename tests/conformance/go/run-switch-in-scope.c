// break inside a plain switch that is inside a scope leaves only the
// switch, not the scope; the scope's deferred bodies run at the scope's
// end.
// spec: 3.1, 3.3
#include <stdio.h>

static void f(int k)
{
  scope {
    defer printf("scope deferred (k=%d)\n", k);
    switch (k) {
    case 1:
      puts("one");
      break;
    default:
      puts("other");
      break;
    }
    puts("after switch inside scope");
  }
  puts("after scope");
}

int main(void)
{
  f(1);
  f(5);
  return 0;
}
//> one
//> after switch inside scope
//> scope deferred (k=1)
//> after scope
//> other
//> after switch inside scope
//> scope deferred (k=5)
//> after scope
