// TS 25755 6.4 EXAMPLE 5: deferred blocks run in reverse order, and the
// defer statements inside a deferred block run in reverse order at the
// end of that deferred block: r += 1, r *= 2, r += 3, r *= 4 gives 20,
// the same as the draft's equivalent straight-line program.  main returns
// r (exit status 20).
// spec: 3.ts, 3.3, 3.6
// ts: 6.4p5, 6.4 example 5
// expect-exit: 20
#include <stddefer.h>
#include <stdio.h>

static int equivalent(void)
{
  int r = 0;
  r += 1;
  r *= 2;
  r += 3;
  r *= 4;
  return r; // return 20;
}

int main(void)
{
  printf("equivalent: %d\n", equivalent());
  int r = 0;
  {
    defer {
      defer r *= 4;
      r *= 2;
      defer {
        r += 3;
      }
    }
    defer r += 1;
  }
  printf("with defers: %d\n", r);
  return r; // return 20;
}
//> equivalent: 20
//> with defers: 20
