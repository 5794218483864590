// setjmp/longjmp: a longjmp from a function without defers back into a
// function that has registered defers (ordinary setjmp error handling that
// does not cross a defer scope).  Registrations made before the longjmp
// stay registered (the flags are volatile in a function that calls
// setjmp) and run when the function returns; nothing runs twice.
// requires: setjmp
// spec: 3.7
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void fail_deep(int code)
{
  printf("fail_deep: longjmp(%d)\n", code);
  longjmp(env, code);
}

static void f(int attempt_fail)
{
  defer puts("f deferred A");
  if (setjmp(env) == 0) {
    defer puts("f deferred B (registered before longjmp)");
    if (attempt_fail)
      fail_deep(7);
    puts("no failure");
  } else {
    puts("f: back from longjmp");
  }
  puts("f: end");
}

int main(void)
{
  f(0);
  puts("--");
  f(1);
  return 0;
}
//> no failure
//> f: end
//> f deferred B (registered before longjmp)
//> f deferred A
//> --
//> fail_deep: longjmp(7)
//> f: back from longjmp
//> f: end
//> f deferred B (registered before longjmp)
//> f deferred A
