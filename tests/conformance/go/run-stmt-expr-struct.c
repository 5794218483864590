// The value of a statement expression is computed before its deferred
// bodies run, also when the value is a struct (copied out of the local the
// deferred body modifies).
// requires: statement-expressions
// spec: 3.1, 3.4
#include <stdio.h>

struct pt {
  int x, y;
};

struct big {
  long v[12];
};

int main(void)
{
  struct pt p = ({
    struct pt t = { 1, 2 };
    defer {
      t.x = 9;
      t.y = 9;
    }
    t;
  });
  struct big b = ({
    struct big t;
    int i;
    for (i = 0; i < 12; i++)
      t.v[i] = i;
    defer t.v[11] = -1;
    t;
  });
  printf("p={%d,%d} b.v[11]=%ld\n", p.x, p.y, b.v[11]);
  return 0;
}
//> p={1,2} b.v[11]=11
