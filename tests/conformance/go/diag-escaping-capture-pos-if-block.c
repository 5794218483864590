// escaping-capture (positive): `x` is declared in the block of an `if`, a
// plain block nested inside the defer's scope (the function body).  The
// deferred body runs when the function returns, after `x` is dead.  The
// diagnostic is at the use of `x` inside the deferred body, which is on a
// different line from the `defer` keyword here.
// spec: escaping-capture
// rejects: line 16 (escaping-capture)
#include <stdio.h>

static void report(int verbose)
{
  if (verbose) {
    int x = 42;
    defer {
      puts("report:");
      printf("%d\n", x); // expect-error: escaping-capture
    }
  }
  puts("returning");
}

int main(void)
{
  report(1);
  return 0;
}
