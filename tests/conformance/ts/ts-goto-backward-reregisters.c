// TS 25755 jump rules: a backward goto from after a defer statement to a
// label before it (in the same block) leaves the scope of that defer, so
// its deferred block runs at the goto; when control reaches the defer
// statement again it registers again. Only the registration made on the
// last pass is still pending when the block ends. (Unlike model go, this
// is not an error in model ts.)
// spec: 3.ts, 3.7
// ts: 6.4p4, 6.4 example 1
#include <stdio.h>

int main(void)
{
  {
    int n = 0;
  again:
    _Defer printf("deferred, n = %d\n", n);
    printf("pass %d\n", n);
    if (++n < 3)
      goto again;
    puts("end of block");
  }
  puts("after block");
  return 0;
}
//> pass 0
//> deferred, n = 1
//> pass 1
//> deferred, n = 2
//> pass 2
//> end of block
//> deferred, n = 3
//> after block
