// A function named `defer` returning a pointer: `defer(x)->n = 0;` and
// `defer(x)[0]` use the function (a parenthesised group followed by `->`,
// `[`, `;` or an operator is not a deferred statement), while
// `defer (void)...` in another function is the keyword.
// spec: 2
#include <stdio.h>

struct node {
  int n;
};

static struct node nodes[2] = { { 1 }, { 2 } };

static struct node *defer(int i)
{
  return &nodes[i];
}

static void reset(void)
{
  defer(0)->n = 0;
  defer(1)[0].n = 10;
  int total = defer(0)->n + defer(1)->n;
  printf("total=%d\n", total);
}

static void keyword(void)
{
  _Defer (void)printf("keyword deferred\n");
  puts("keyword body");
}

int main(void)
{
  reset();
  keyword();
  printf("nodes={%d,%d}\n", nodes[0].n, nodes[1].n);
  return 0;
}
//> total=10
//> keyword body
//> keyword deferred
//> nodes={0,10}
