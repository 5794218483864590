// longjmp-skips-defer (negative): a longjmp before any defer is registered,
// and one after the `scope` whose deferred body has already run: no registered
// defer is skipped (SPEC section 4, longjmp-skips-defer).
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void parse(int bad)
{
  if (bad)
    longjmp(env, 1);
  defer puts("parse cleanup");
  puts("parsed");
}

static void finish(void)
{
  scope {
    defer puts("finish cleanup");
    puts("finishing");
  }
  longjmp(env, 2);
}

int main(void)
{
  volatile int round = 0;
  int r = setjmp(env);
  printf("setjmp %d\n", r);
  round++;
  if (round == 1)
    parse(0);
  if (round == 1)
    parse(1);
  if (round == 2)
    finish();
  return 0;
}
//> setjmp 0
//> parsed
//> parse cleanup
//> setjmp 1
//> finishing
//> finish cleanup
//> setjmp 2
