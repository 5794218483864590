// `defer` and `scope` are contextual keywords: existing code that uses them
// as names of variables, functions, struct/union/enum tags, members and
// labels keeps compiling and behaving as before (SPEC section 2 decision
// rules: a keyword only before `{`, an identifier, a non-declaration
// keyword, or a parenthesised group followed by an identifier, ...).
// spec: 2
#include <stdio.h>

struct scope {
  int defer;
  int scope;
};

union defer {
  int i;
  unsigned u;
};

static int defer(int x)
{
  return x * 2;
}

static int scope(int x)
{
  return x + 1000;
}

static struct scope *holder(struct scope *s)
{
  return s;
}

static void variables(void)
{
  int defer = 3;
  int scope = 4;
  defer++;
  scope--;
  defer += scope;
  printf("defer=%d scope=%d\n", defer, scope);
  defer = defer * 2;
  scope = -defer;
  printf("defer=%d scope=%d\n", defer, scope);
}

static void members_and_tags(void)
{
  struct scope s = { 1, 2 };
  struct scope *p = &s;
  union defer u;
  s.defer = 10;
  p->scope = 20;
  p->defer += s.scope;
  u.i = 5;
  printf("s={%d,%d} u=%d\n", s.defer, s.scope, u.i);
  holder(p)->defer = 0;
  printf("after holder: s.defer=%d\n", s.defer);
}

static void enums(void)
{
  enum scope { scope_a, scope_b } k = scope_b;
  enum scope j = scope_a;
  printf("enum scope: k=%d j=%d\n", (int)k, (int)j);
}

static void functions(void)
{
  int n;
  defer(1);
  n = defer(4) + 1;
  printf("n=%d defer(5)=%d\n", n, defer(5));
  n = scope(1);
  printf("scope(1)=%d\n", n);
}

static void labels(int k)
{
  if (k)
    goto defer;
  puts("k is zero");
  goto scope;
defer:
  puts("at label defer");
scope:
  puts("at label scope");
}

int main(void)
{
  variables();
  members_and_tags();
  enums();
  functions();
  labels(0);
  labels(1);
  return 0;
}
//> defer=7 scope=3
//> defer=14 scope=-14
//> s={30,20} u=5
//> after holder: s.defer=0
//> enum scope: k=1 j=0
//> n=9 defer(5)=10
//> scope(1)=1001
//> k is zero
//> at label scope
//> at label defer
//> at label scope
