// A backward goto to a label that lies after the defer (in the same scope)
// does not re-execute the defer: it runs exactly once.  A forward goto to
// a label after the defer, from after the defer, also keeps it.
// spec: 3.7, defer-reexecuted
#include <stdio.h>

int main(void)
{
  int n = 0;
  defer printf("deferred once, n=%d\n", n);
again:
  n++;
  printf("pass %d\n", n);
  if (n < 3)
    goto again;
  if (n == 3)
    goto done;
  puts("not reached");
done:
  puts("done");
  return 0;
}
//> pass 1
//> pass 2
//> pass 3
//> done
//> deferred once, n=3
