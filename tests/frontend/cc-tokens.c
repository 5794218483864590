/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cc-dropin tokens: GNU extensions in functions with defer; the lowering
   keeps every token but the defers (cc-tokens.py kept).  */
#include <stdio.h>
#include <stdlib.h>
#include <cdefer.h>
struct pair { int a, b; };
static int twice (int x) { return __extension__ ({ int t_ = x; t_ * 2; }); }
static char *owned (size_t n)
{
  char *p = malloc (n);
  defer free (p);
  if (!p)
    return __extension__ (char *) 0;
  __extension__ long long big = 1LL << 40;
  p[0] = (char) (big >> 40) + '0';
  p[1] = 0;
  return cdefer_take (p);
}
static int sum (const struct pair *pp)
{
  defer { puts ("sum done"); }
  __typeof__ (+pp->a) s = pp->a;
  scope {
    defer puts ("inner");
    s += __extension__ __alignof__ (struct pair);
  }
  return (int) sizeof (struct pair) + s + twice (pp->b) ? __extension__ 0 + s : 1;
}
int main (void)
{
  char *o = owned (4);
  struct pair q = { 1, 2 };
  printf ("%s %d\n", o, sum (&q));
  free (o);
  return 0;
}
