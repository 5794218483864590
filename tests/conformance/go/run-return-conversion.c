// return E: E is converted to the return type into a temporary before the
// deferred bodies run: a double converted to int, a post-increment whose
// side effect the deferred body sees, a conditional expression, and a
// statement expression used as the return value.
// requires: statement-expressions
// spec: 3.4
#include <stdio.h>

static int to_int(void)
{
  double d = 2.75;
  defer d = 100.0;
  return d;
}

static int post_increment(void)
{
  int x = 1;
  defer printf("deferred sees x=%d\n", x);
  return x++;
}

static int conditional(int c)
{
  int a = 10, b = 20;
  defer {
    a = -1;
    b = -2;
  }
  return c ? a : b;
}

static int from_stmt_expr(void)
{
  int x = 5;
  defer printf("function deferred, x=%d\n", x);
  return ({
    defer x = 50;
    x + 1;
  });
}

int main(void)
{
  printf("to_int()=%d\n", to_int());
  printf("post_increment()=%d\n", post_increment());
  printf("conditional(1)=%d\n", conditional(1));
  printf("conditional(0)=%d\n", conditional(0));
  printf("from_stmt_expr()=%d\n", from_stmt_expr());
  return 0;
}
//> to_int()=2
//> deferred sees x=2
//> post_increment()=1
//> conditional(1)=10
//> conditional(0)=20
//> function deferred, x=50
//> from_stmt_expr()=6
