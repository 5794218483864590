// defer-outside-function (negative): struct members named `defer` and
// `scope`, a file-scope function pointer named `scope`, and a parameter named
// `defer`.  None of these is the keyword: the next token is `;`, `=`, `(`
// followed by `;`, `)`, `,`, or an operator.
// spec: 2, defer-outside-function
#include <stdio.h>

struct options {
  int defer;
  int scope;
};

static int twice(int v)
{
  return 2 * v;
}

static int (*scope)(int) = twice;

static int get(const struct options *o, int defer)
{
  return o->defer + o->scope + defer;
}

int main(void)
{
  struct options o = { .defer = 1, .scope = 2 };
  o.defer = o.defer * 10;
  int r = scope(get(&o, 3));
  printf("%d\n", r);
  return 0;
}
//> 30
