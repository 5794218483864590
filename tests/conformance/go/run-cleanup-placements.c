// A cleanup attribute may stand before the type, after the type, after the
// declarator (with or without an initialiser, also among other
// attributes), or on a later declarator of a list; in each place the
// variable registers its cleanup when its declaration completes, so it
// interleaves with deferred bodies in exact LIFO order (SPEC 3.3).  Also in
// a `scope` and in a loop body `scope`, and on an early return.  (The front
// end once missed the attribute after the declarator and ran those
// cleanups after every deferred body.)
// requires: cleanup-attribute
// spec: 3.3
#include <stdio.h>

static void cl(int *p)
{
  printf("cleanup %d\n", *p);
}

static int f(int early)
{
  defer puts("defer 1");
  __attribute__((cleanup(cl))) int a = 1;
  defer puts("defer 2");
  int __attribute__((cleanup(cl))) b = 2;
  defer puts("defer 3");
  int c __attribute__((cleanup(cl))) = 3;
  defer puts("defer 4");
  int d __attribute__((cleanup(cl)));
  d = 4;
  defer puts("defer 5");
  int e = 5, g __attribute__((cleanup(cl))) = 6;
  defer printf("defer 6 sees %d\n", e);
  int h __attribute__((unused, cleanup(cl))) __attribute__((aligned(8))) = 7,
      i __attribute__((cleanup(cl))) = 8;
  defer puts("defer 7");
  if (early)
    return a + b + c + d + g + h + i;
  puts("body");
  return 0;
}

static void in_scopes(void)
{
  scope {
    defer puts("scope defer 1");
    int x __attribute__((cleanup(cl))) = 10;
    defer printf("scope defer 2 sees %d\n", x);
  }
  for (int n = 0; n < 2; n++) scope {
    int y __attribute__((cleanup(cl))) = 20 + n;
    defer printf("loop defer %d\n", n);
    int z = 0, w __attribute__((cleanup(cl))) = 30 + n;
    (void) z;
    if (n == 1)
      break;
    defer puts("loop defer after the break");
  }
}

int main(void)
{
  printf("f = %d\n", f(0));
  puts("--");
  printf("f = %d\n", f(1));
  puts("--");
  in_scopes();
  return 0;
}
//> body
//> defer 7
//> cleanup 8
//> cleanup 7
//> defer 6 sees 5
//> cleanup 6
//> defer 5
//> cleanup 4
//> defer 4
//> cleanup 3
//> defer 3
//> cleanup 2
//> defer 2
//> cleanup 1
//> defer 1
//> f = 0
//> --
//> defer 7
//> cleanup 8
//> cleanup 7
//> defer 6 sees 5
//> cleanup 6
//> defer 5
//> cleanup 4
//> defer 4
//> cleanup 3
//> defer 3
//> cleanup 2
//> defer 2
//> cleanup 1
//> defer 1
//> f = 31
//> --
//> scope defer 2 sees 10
//> cleanup 10
//> scope defer 1
//> loop defer after the break
//> cleanup 30
//> loop defer 0
//> cleanup 20
//> cleanup 31
//> loop defer 1
//> cleanup 21
