// A deferred body is itself a defer scope: a defer inside it runs when that
// body finishes (not when the enclosing function ends), LIFO within it.
// spec: 3.6
#include <stdio.h>

static void f(void)
{
  defer puts("outer 1");
  defer {
    puts("outer 2 start");
    defer puts("nested in outer 2, a");
    defer {
      puts("nested in outer 2, b start");
      defer puts("doubly nested");
      puts("nested in outer 2, b end");
    }
    puts("outer 2 end");
  }
  puts("f body");
}

int main(void)
{
  f();
  puts("after f");
  return 0;
}
//> f body
//> outer 2 start
//> outer 2 end
//> nested in outer 2, b start
//> nested in outer 2, b end
//> doubly nested
//> nested in outer 2, a
//> outer 1
//> after f
