// Model ts with GNU statement expressions: the braces of ({ ... }) form a
// block like any other, so a defer inside it runs when the statement
// expression ends -- after its value has been computed (the value is not
// affected by a deferred block that modifies the variable it names), and
// before the enclosing full expression uses that value.
// requires: statement-expressions
// spec: 3.1, 3.4
// ts: extension
#include <stdio.h>

static int seen;

static int use(int v)
{
  printf("use(%d), seen = %d\n", v, seen);
  return v;
}

int main(void)
{
  int r = use(({
    int x = 1;
    _Defer { x = 2; seen = 1; puts("stmt-expr defer"); }
    puts("stmt-expr body");
    x;
  }));
  printf("r = %d\n", r);
  return 0;
}
//> stmt-expr body
//> stmt-expr defer
//> use(1), seen = 1
//> r = 1
