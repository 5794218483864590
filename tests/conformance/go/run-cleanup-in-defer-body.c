// An __attribute__((cleanup)) variable declared inside a deferred body is
// cleaned up when that body ends, in LIFO order with the body's own
// nested defers.
// requires: cleanup-attribute
// spec: 3.6
#include <stdio.h>

static void cl(const char **p)
{
  printf("cleanup %s\n", *p);
}

int main(void)
{
  defer {
    __attribute__((cleanup(cl))) const char *x = "x";
    defer puts("nested defer");
    __attribute__((cleanup(cl))) const char *y = "y";
    printf("deferred body uses %s%s\n", x, y);
  }
  puts("main body");
  return 0;
}
//> main body
//> deferred body uses xy
//> cleanup y
//> nested defer
//> cleanup x
