// Contextual `defer` before `*` or `( ... ) =` where a declaration named
// `defer` is in view (SPEC section 2): the statement keeps its meaning as
// C.  With `typedef int defer;` in view, `defer *p = &cell;` and
// `defer (*q) = &cell;` declare the pointers p and q (no defer, no
// warning).  Where the typedef is out of view (another function, after
// its block), the same shapes are defers.  A preprocessed input (-E, then
// compile) cannot see declarations: source-input.
// spec: 2
#include <stdio.h>

static int cell = 1;

static void declared(void)
{
  typedef int defer;
  defer *p = &cell;       /* a declaration: int *p */
  defer (*q) = &cell;     /* a declaration: int *q */
  *p += 10;
  *q += 100;
  printf("declared: cell=%d\n", cell);
}

static void out_of_view(int *p)
{
  {
    typedef int defer;
    defer *r = p;
    *r += 1;
  }
  defer *p = 0;           /* the typedef is out of view: a defer */
  defer (*p) = 5;
  printf("out of view: %d\n", *p);
}

int main(void)
{
  declared();
  out_of_view(&cell);
  printf("after: cell=%d\n", cell);
  return 0;
}
//> declared: cell=111
//> out of view: 112
//> after: cell=0
// requires: source-input
