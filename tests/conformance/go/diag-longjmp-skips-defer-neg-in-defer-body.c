// longjmp-skips-defer (negative): setjmp and longjmp both inside one deferred
// body (itself a defer scope, SPEC 3.6), and a longjmp from a function without
// defers back into the scope, to a setjmp made after its defer: no jump leaves
// a scope with registered defers (SPEC section 4, longjmp-skips-defer).
// requires: setjmp
// spec: 3.8, longjmp-skips-defer
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void bail(void)
{
  longjmp(env, 1);
}

static int run(void)
{
  defer {
    jmp_buf local;
    if (setjmp(local) == 0) {
      puts("body try");
      longjmp(local, 1);
    }
    puts("body caught");
  }
  defer puts("second registered, runs first");
  if (setjmp(env) == 0)
    bail();
  puts("run");
  return 0;
}

int main(void)
{
  return run();
}
//> run
//> second registered, runs first
//> body try
//> body caught
