// Contextual `defer` before the tokens that make it a keyword: a
// parenthesised group followed by an identifier or `(` or `++`
// (`defer (void)close_it(h);`), and statement keywords (if, for, while,
// do, switch).
// spec: 2
#include <stdio.h>

static int closed;

static int close_it(int h)
{
  printf("close_it(%d)\n", h);
  closed++;
  return 0;
}

static void f(int h)
{
  int n = 0;
  int *cnt = &n;
  defer printf("closed=%d n=%d\n", closed, n);
  defer (void)close_it(h);
  defer (void)(n += 100);
  defer (*cnt)++;
  defer if (h > 1) puts("h > 1"); else puts("h <= 1");
  defer for (int i = 0; i < 2; i++) printf("for in defer %d\n", i);
  defer while (n < 3) n++;
  defer do puts("do in defer"); while (0);
  defer switch (h) { case 2: puts("switch case 2"); break; default: puts("switch default"); }
  puts("body");
}

int main(void)
{
  f(2);
  return 0;
}
//> body
//> switch case 2
//> do in defer
//> for in defer 0
//> for in defer 1
//> h > 1
//> close_it(2)
//> closed=1 n=104
