/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keywords=reserved: defer and scope are names (variables, functions,
   tags, members, labels); _Defer and _Scope are the keywords.  */
#include <stdio.h>

struct scope {
  int defer;
  int scope;
};

static int defer(int x)
{
  return x * 2;
}

static int scope(struct scope *s)
{
  return s->defer + s->scope;
}

int main(void)
{
  struct scope s = { 1, 2 };
  int n = defer(4);
  _Defer printf("n=%d scope=%d\n", n, scope(&s));
  for (int defer = 0; defer < 2; defer++) _Scope {
    _Defer s.defer += defer;
  }
  if (n)
    goto scope;
  puts("not here");
scope:
  return 0;
}
