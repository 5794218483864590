// A goto that leaves several nested scopes at once runs the innermost
// scope's deferred bodies first, then the next one out, and so on.
// spec: 3.3
#include <stdio.h>

static void f(int depth)
{
  scope {
    defer puts("outer 1");
    scope {
      defer puts("middle 1");
      scope {
        defer puts("inner 1");
        defer puts("inner 2");
        if (depth == 3)
          goto out;
        puts("inner end");
      }
      defer puts("middle 2");
      if (depth == 2)
        goto out;
      puts("middle end");
    }
    puts("outer end");
  }
out:
  printf("out (depth=%d)\n", depth);
}

int main(void)
{
  f(3);
  f(2);
  f(1);
  return 0;
}
//> inner 2
//> inner 1
//> middle 1
//> outer 1
//> out (depth=3)
//> inner end
//> inner 2
//> inner 1
//> middle 2
//> middle 1
//> outer 1
//> out (depth=2)
//> inner end
//> inner 2
//> inner 1
//> middle end
//> middle 2
//> middle 1
//> outer end
//> outer 1
//> out (depth=1)
