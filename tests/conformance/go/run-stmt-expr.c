// A GNU statement expression `({ ... })` is a defer scope: its deferred
// bodies run at its end, after its value has been computed (so they cannot
// change the value), and before the enclosing expression continues.
// requires: statement-expressions
// spec: 3.1, 3.4
#include <stdio.h>

int main(void)
{
  int x = 1;
  int v = ({
    defer x = 100;
    x + 1;
  });
  printf("v=%d x=%d\n", v, x);

  v = ({
    int t = 5;
    defer t = 0;
    defer printf("se deferred, t=%d\n", t);
    puts("se body");
    t;
  });
  printf("v=%d\n", v);

  defer puts("main deferred");
  v = ({ defer puts("inner se deferred"); 7; }) + ({ 8; });
  printf("sum=%d\n", v);
  return 0;
}
//> v=2 x=100
//> se body
//> se deferred, t=5
//> v=5
//> inner se deferred
//> sum=15
//> main deferred
