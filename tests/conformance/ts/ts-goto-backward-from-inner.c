// TS 25755: a backward goto from a nested block to a label before a defer
// in the enclosing block exits the nested block (its defers run first) and
// the scope of the enclosing block's defer (its deferred block runs next);
// the defer then registers again on the next pass.
// spec: 3.ts, 3.3
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  int tries = 0;
retry:
  _Defer printf("outer defer after try %d\n", tries);
  {
    _Defer printf("inner defer, try %d\n", tries);
    tries++;
    if (tries < 2)
      goto retry;
  }
  printf("done after %d tries\n", tries);
  return 0;
}
//> inner defer, try 1
//> outer defer after try 1
//> inner defer, try 2
//> done after 2 tries
//> outer defer after try 2
