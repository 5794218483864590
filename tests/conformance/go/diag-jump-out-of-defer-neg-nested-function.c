// jump-out-of-defer (negative): a `return` inside a GNU nested function that
// is defined inside the deferred body returns from the nested function, not
// from the deferred body.  A nested function's body is also a function body
// (a defer scope of its own), so a defer inside it is fine too.
// requires: nested-functions
// spec: jump-out-of-defer
#include <stdio.h>

int main(void)
{
  int base = 3;
  defer {
    int square(int v)
    {
      defer puts("square done");
      if (v < 0)
        return -1;
      return v * v;
    }
    printf("%d\n", square(base));
  }
  base = 4;
  return 0;
}
//> square done
//> 16
