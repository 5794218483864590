// requires: source-input
// keyword-shadows-name (positive, warning): with `typedef int defer;` in
// view, `defer x++;` and `defer x;` still take `defer` as the keyword (the
// next token is an identifier, SPEC section 2), although the user may have
// meant a declaration of `x` with type `defer`.  Both backends warn; the
// statement is a defer of `x++;` / `x;`, and the program still runs.
// `sizeof(defer)` is the typedef (`defer` followed by `)` is an identifier).
// spec: 2, keyword-shadows-name
#include <stdio.h>

typedef int defer;

static int x;

static void run(void)
{
  defer x++; // expect-warning: keyword-shadows-name
  printf("run %d\n", x);
}

int main(void)
{
  run();
  printf("after %d %d\n", x, (int)sizeof(defer));
  defer x; // expect-warning: keyword-shadows-name
  return 0;
}
//> run 0
//> after 1 4
