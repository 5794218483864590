// TS 25755: a return from inside a loop inside nested blocks runs the
// deferred blocks of every block it leaves -- the loop body's (that
// iteration's only), then the enclosing blocks' -- after computing the
// return value.
// spec: 3.ts, 3.4
// ts: 6.4p4
#include <stdio.h>

static int find(const int *a, int n, int key)
{
  _Defer puts("find: function body");
  for (int i = 0; i < n; i++) {
    _Defer printf("find: checked a[%d]\n", i);
    if (a[i] == key) {
      _Defer puts("find: found block");
      return i;
    }
  }
  return -1;
}

int main(void)
{
  static const int a[] = { 5, 7, 9 };
  printf("-> %d\n", find(a, 3, 7));
  printf("-> %d\n", find(a, 1, 7));
  return 0;
}
//> find: checked a[0]
//> find: found block
//> find: checked a[1]
//> find: function body
//> -> 1
//> find: checked a[0]
//> find: function body
//> -> -1
