// empty-defer (warning, model ts) with the "defer" spelling from
// <stddefer.h>: the warning is at the defer keyword.
// spec: empty-defer
// ts: 6.4p1, 7.2p2
#include <stddefer.h>
#include <stdio.h>

int main(void)
{
  defer ; // expect-warning: empty-defer
  puts("ok");
  return 0;
}
//> ok
