// exit-skips-defer (negative): abort() (and a failed assert) is meant to skip
// cleanup, so it is not reported even with a defer pending (SPEC section 4,
// exit-skips-defer: "not `abort` or failed `assert`").  Neither is reached at
// run time here.
// spec: 3.8, exit-skips-defer
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static int half(int n)
{
  defer puts("half done");
  if (n < 0)
    abort();
  assert(n % 2 == 0);
  return n / 2;
}

int main(void)
{
  printf("%d\n", half(8));
  return 0;
}
//> half done
//> 4
