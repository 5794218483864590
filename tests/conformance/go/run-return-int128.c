// Returning __int128 (returned in two registers): the value is taken
// before the deferred body modifies the local.
// requires: int128
// spec: 3.4
#include <stdio.h>

static __int128 f(void)
{
  __int128 v = 1;
  v <<= 100;
  v += 7;
  defer v = 0;
  return v;
}

int main(void)
{
  __int128 r = f();
  printf("high=%llu low=%llu\n", (unsigned long long)(r >> 64),
         (unsigned long long)(r & 0xffffffffffffffffULL));
  return 0;
}
//> high=68719476736 low=7
