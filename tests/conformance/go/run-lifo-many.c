// LIFO order with many defers: each deferred body checks that it runs at
// the expected position (the last registered runs first).
// spec: 3.3
#include <stdio.h>

static int next_expected = 9;
static int errors;

static void check(int id)
{
  if (id != next_expected) {
    printf("out of order: %d ran, %d expected\n", id, next_expected);
    errors++;
  }
  next_expected--;
}

static void f(void)
{
  defer check(0);
  defer check(1);
  defer check(2);
  defer check(3);
  defer check(4);
  defer check(5);
  defer check(6);
  defer check(7);
  defer check(8);
  defer check(9);
  puts("registered ten");
}

int main(void)
{
  f();
  printf("errors=%d remaining=%d\n", errors, next_expected);
  return 0;
}
//> registered ten
//> errors=0 remaining=-1
