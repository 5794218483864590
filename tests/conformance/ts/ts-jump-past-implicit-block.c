// TS 25755 jump rules + implicit blocks: a defer that is the (braceless)
// substatement of an if, or the body of a loop, is in that statement's own
// block; its scope ends there. So a goto or a case label *after* such a
// statement does not enter the defer's scope and is allowed.
// spec: 3.ts
// ts: 6.4p2, 6.4p3b
#include <stdio.h>

static void f(int x)
{
  printf("f(%d)\n", x);
  if (x == 0)
    goto out;
  if (x > 1)
    _Defer puts("if-block defer");
  for (int i = 0; i < 1; i++)
    _Defer puts("loop-body defer");
out:
  puts("out");
  switch (x) {
  case 0:
    if (x == 0)
      _Defer puts("case 0 if-block defer");
    /* fall through */
  case 1:
    puts("case 1");
  }
}

int main(void)
{
  f(0);
  f(2);
  return 0;
}
//> f(0)
//> out
//> case 0 if-block defer
//> case 1
//> f(2)
//> if-block defer
//> loop-body defer
//> out
