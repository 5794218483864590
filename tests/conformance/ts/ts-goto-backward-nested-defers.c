// TS 25755 jump rules, nested: a backward goto inside a deferred body to a
// label before a defer of that body, while the deferred body itself was
// registered after a label that a backward goto of the function body
// returns to.  Each backward goto leaves the scope of the defer after its
// label: that deferred body runs at the goto, and the defer registers again
// when control reaches it.  Outer body D1: k = 0; registers D2; the goto
// L2 runs D2 (k is 1), D2 registers again, and D1's end runs it (k is 2).
// D1 runs at `goto L1` and again at the return: "1 2" twice.  (The front
// end's lowering once declared the same __cdefer_ names twice here: the
// deferred body is both a scope and a registration.)
// spec: 3.ts, 3.7
// ts: 6.4p4, 6.4 example 1
#include <stdio.h>

static int run(void)
{
  int c = 0;
L1:
  _Defer {
    int k = 0;
  L2:
    _Defer printf("D2 k=%d\n", k);
    if (k++ < 1)
      goto L2;
  }
  printf("c=%d\n", c);
  if (c++ < 1)
    goto L1;
  return c;
}

int main(void)
{
  printf("run=%d\n", run());
  return 0;
}
//> c=0
//> D2 k=1
//> D2 k=2
//> c=1
//> D2 k=1
//> D2 k=2
//> run=2
