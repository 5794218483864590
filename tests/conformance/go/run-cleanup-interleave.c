// Deferred bodies and __attribute__((cleanup)) variables interleave in
// exact LIFO order: cleanup var a, defer 1, cleanup var b, defer 2 run as
// defer 2, cleanup b, defer 1, cleanup a -- on falling off the end and on
// an early return.
// requires: cleanup-attribute
// spec: 3.3
#include <stdio.h>

static void cl(const char **p)
{
  printf("cleanup %s\n", *p);
}

static void f(int early)
{
  __attribute__((cleanup(cl))) const char *a = "a";
  defer puts("defer 1");
  __attribute__((cleanup(cl))) const char *b = "b";
  defer puts("defer 2");
  if (early) {
    puts("early return");
    return;
  }
  __attribute__((cleanup(cl))) const char *c = "c";
  defer printf("defer 3 sees %s%s%s\n", a, b, c);
  puts("body");
}

int main(void)
{
  f(0);
  puts("--");
  f(1);
  return 0;
}
//> body
//> defer 3 sees abc
//> cleanup c
//> defer 2
//> cleanup b
//> defer 1
//> cleanup a
//> --
//> early return
//> defer 2
//> cleanup b
//> defer 1
//> cleanup a
