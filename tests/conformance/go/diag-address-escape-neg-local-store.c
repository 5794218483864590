// address-escape (negative): storing the address of a local into another
// local of the same frame does not let it outlive the frame (SPEC section 4,
// address-escape: only stores into static/global objects or through
// parameter-derived pointers escape).  Also: the address of a *static* local
// may be stored into a global (it is not automatic).
// spec: address-escape
#include <stdio.h>

static int *global_ptr;

static int f(int *param)
{
  int x = 10;
  int *p = NULL;
  static int keep = 5;
  int *q = param;
  defer {
    p = &x;
    q = &x;
    global_ptr = &keep;
    *param = *p + *q;
  }
  x = 20;
  return x;
}

int main(void)
{
  int r = 0;
  int v = f(&r);
  printf("%d %d %d\n", v, r, *global_ptr);
  return 0;
}
//> 20 40 5
