// Contextual `defer` before a statement that starts with `*`, `++`, `--`,
// `!`, or with a parenthesised group followed by an assignment operator,
// `++` or `--` (SPEC section 2): with no declaration named `defer` in
// view, these are defers.  A struct tag named `defer` is not a
// declaration of the name (tags have their own name space).  The deferred
// bodies run last registered first, when f returns, and see the variables
// as they are then.
// spec: 2
#include <stdio.h>

struct defer { int unused; };

static int n = 5, depth = 3, cell = 7, *p = &cell;

static void a(void) { puts("a"); }
static void b(void) { puts("b"); }

static void show(const char *what)
{
  printf("%s: n=%d depth=%d cell=%d\n", what, n, depth, cell);
}

static void f(int x)
{
  struct defer unused = { 0 };
  (void)unused;
  defer show("end");
  defer *p = 0;
  defer show("before *p = 0");
  defer (*p) = 10;
  defer show("before (*p) = 10");
  defer (*p) += 5;
  defer (*p)++;
  defer ++n;
  defer --depth;
  defer !x ? a() : b();
  defer (*p)--;
  show("body");
}

int main(void)
{
  f(0);
  f(1);
  return 0;
}
//> body: n=5 depth=3 cell=7
//> a
//> before (*p) = 10: n=6 depth=2 cell=12
//> before *p = 0: n=6 depth=2 cell=10
//> end: n=6 depth=2 cell=0
//> body: n=6 depth=2 cell=0
//> b
//> before (*p) = 10: n=7 depth=1 cell=5
//> before *p = 0: n=7 depth=1 cell=10
//> end: n=7 depth=1 cell=0
