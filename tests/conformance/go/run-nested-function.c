// A GNU nested function containing a defer: its body is a function body
// (a defer scope of its own), so its deferred bodies run each time it
// returns; it can use the enclosing function's variables.
// requires: nested-functions
// spec: 3.1
#include <stdio.h>

int main(void)
{
  int total = 0;
  void add(int v)
  {
    defer printf("nested deferred: total=%d\n", total);
    total += v;
    printf("nested body v=%d\n", v);
  }
  int twice(int v)
  {
    defer total = -total;
    return total + v;
  }
  defer printf("main deferred: total=%d\n", total);
  add(5);
  add(7);
  int t = twice(1);
  printf("twice(1)=%d total=%d\n", t, total);
  printf("main end total=%d\n", total);
  return 0;
}
//> nested body v=5
//> nested deferred: total=5
//> nested body v=7
//> nested deferred: total=12
//> twice(1)=13 total=-12
//> main end total=-12
//> main deferred: total=-12
