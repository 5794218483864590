// defer-outside-function (negative): file-scope declarations of a function
// named `defer` and a variable named `scope`, and their uses, are not taken
// as keywords: `defer(` followed by `{`, `;`, `+` or `->` after the group, and
// `scope` followed by `=`, `++` or `;`, are identifiers (SPEC section 2).
// No keyword is used in this file, so keyword-shadows-name cannot arise.
// spec: 2, defer-outside-function
#include <stdio.h>

struct node {
  int n;
};

static struct node the_node;
int scope = 1;
static int calls;

static struct node *defer(int x)
{
  calls += x;
  return &the_node;
}

int main(void)
{
  int n;
  defer(1);
  n = defer(2) + 0 ? 1 : 0;
  defer(3)->n = 7;
  scope++;
  printf("%d %d %d %d\n", calls, n, the_node.n, scope);
  return 0;
}
//> 6 1 7 2
