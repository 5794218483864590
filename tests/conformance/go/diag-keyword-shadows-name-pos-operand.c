// keyword-shadows-name (positive, warning): a parenthesised group followed
// by `++` or `--` makes `defer` the keyword whatever is in view (SPEC
// section 2), so with a variable named `defer` in view, `defer (*p)++;` is
// a defer and both backends warn.  The scope runs them at its end:
// cell 1 -> 2 -> 1 -> 2.  The forms that are the keyword only
// when no declaration is in view (`defer ++n;`, `defer (*p) = 0;`) are not
// taken here; `defer = 3;` and `defer + 1` use the variable.
// spec: 2, keyword-shadows-name
#include <stdio.h>

static int cell = 1;

int main(void)
{
  int *p = &cell;
  int defer = 2;
  scope {
    defer (*p)++; // expect-warning: keyword-shadows-name
    defer (*p)--; // expect-warning: keyword-shadows-name
    defer (*p)++; // expect-warning: keyword-shadows-name
    printf("body: cell=%d defer=%d\n", cell, defer + 1);
  }
  defer = 3;
  printf("defer=%d cell=%d\n", defer, cell);
  return 0;
}
//> body: cell=1 defer=3
//> defer=3 cell=2
// requires: source-input
