// A `do { ... } while (0)` macro body containing a defer: not a loop for
// the defer-in-loop rule, and not a defer scope -- the defer belongs to
// the enclosing scope and runs when that ends (no error, no warning).
// spec: 3.1, defer-in-loop, defer-in-plain-block
#include <stdio.h>

#define CLEANUP_LATER(msg) do { defer puts(msg); } while (0)

#define ACQUIRE(name)                   \
  do {                                  \
    printf("acquire %s\n", name);       \
    defer printf("release %s\n", name); \
  } while (0)

static void f(void)
{
  CLEANUP_LATER("macro defer 1");
  puts("middle");
  CLEANUP_LATER("macro defer 2");
  scope {
    ACQUIRE("inner");
    puts("in scope");
  }
  ACQUIRE("outer");
  puts("end of f");
}

int main(void)
{
  f();
  return 0;
}
//> middle
//> acquire inner
//> in scope
//> release inner
//> acquire outer
//> end of f
//> release outer
//> macro defer 2
//> macro defer 1
