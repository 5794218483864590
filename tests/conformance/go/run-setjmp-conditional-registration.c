// SPEC 3.7: in a function that calls setjmp, registrations made before a
// longjmp back into the function stay registered, conditional ones too
// (their flags are volatile).  Here a conditional defer registers after
// setjmp, a callee longjmps back, and the function then returns: the
// conditional body runs once, before the one registered first.  At -O2
// too.  (The front end's gnu lowering once lost the flag at -O2: GCC keeps
// the variables of a function that nested functions use in a frame object
// and drops their volatile qualifier there.)
// requires: setjmp
// spec: 3.7
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void fail_deep(void)
{
  puts("longjmp");
  longjmp(env, 1);
}

static int f(int c)
{
  defer puts("A");
  int n = setjmp(env);
  if (c && n == 0)
    defer puts("B (conditional, registered after setjmp)");
  if (n == 0)
    fail_deep();
  return n;
}

static int g(int c)
{
  int n;
  scope {
    defer puts("scope A");
    n = setjmp(env);
    if (c && n == 0)
      defer puts("scope B (conditional)");
    if (n == 0)
      fail_deep();
  }
  return n;
}

int main(void)
{
  printf("f = %d\n", f(1));
  printf("f = %d\n", f(0));
  printf("g = %d\n", g(1));
  return 0;
}
//> longjmp
//> B (conditional, registered after setjmp)
//> A
//> f = 1
//> longjmp
//> A
//> f = 1
//> longjmp
//> scope B (conditional)
//> scope A
//> g = 1
