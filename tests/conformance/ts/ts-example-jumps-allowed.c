// TS 25755 6.4 EXAMPLE 1, the functions whose jumps are allowed (g, h, i,
// m, o, p, t, u, v; r and s loop for ever and are left out), as in the
// draft but with a newline after each function's output.  A goto may skip
// a whole block that holds a defer (h), leave the scope of a defer, which
// runs its deferred block (i, o, and backward in t and v, where the defer
// is reached again and runs again), enter a block before its defer (m),
// or stay inside the scope (u); a defer that is not reached never runs
// (g, p).
// spec: 3.ts, 3.3, 3.7
// ts: 6.4p3b, 6.4p4, 6.4 example 1
#include <stddefer.h>
#include <stdio.h>

int g(void)
{
  // print "cat says" to standard output
  return fputs("cat says", stdout);
  defer { fputs(" meow", stdout); } // okay: no constraint violation, not executed
}

int h(void)
{
  goto target;
  {
    // okay: no constraint violation
    defer { fputs(" meow", stdout); }
  }
target:
  fputs("cat says", stdout);
  return 1; // prints "cat says" to standard output
}

int i(void)
{
  {
    defer { fputs("cat says", stdout); }
    // okay: no constraint violation
    goto target;
  }
target:
  fputs(" meow", stdout);
  return 1; // prints "cat says meow" to standard output
}

int m(void)
{
  goto target; // okay: no constraint violation
  {
  target:
    defer { fputs("cat says", stdout); }
  }
  fputs(" meow", stdout);
  return 1; // prints "cat says meow" to standard output
}

int o(void)
{
  {
    defer fputs("cat says", stdout);
    goto target;
  }
target:;
  fputs(" meow", stdout);
  return 1; // prints "cat says meow"
}

int p(void)
{
  {
    goto target;
    defer fputs(" meow", stdout);
  }
target:;
  fputs("cat says", stdout);
  return 1; // prints "cat says"
}

int t(void)
{
  int count = 0;
  {
  target:
    defer { fputs("cat says ", stdout); }
    ++count;
    if (count <= 2) {
      goto target; // ok
    }
  }
  fputs("meow", stdout);
  return 1; // prints "cat says cat says cat says meow"
}

int u(void)
{
  int count = 0;
  {
    defer { fputs("cat says", stdout); }
  target:
    if (count < 5) {
      ++count;
      goto target; // ok
    }
  }
  fputs(" meow", stdout);
  return 1; // prints "cat says meow"
}

int v(void)
{
  int count = 0;
target:
  if (count >= 2) {
    fputs("meow", stdout);
    return 1; // prints "cat says cat says meow"
  }
  defer { fputs("cat says ", stdout); }
  count++;
  goto target;
  return 0; // never reached
}

int main(void)
{
  int (*fns[])(void) = { g, h, i, m, o, p, t, u, v };
  for (unsigned k = 0; k < sizeof fns / sizeof fns[0]; k++) {
    fns[k]();
    putchar('\n');
  }
  return 0;
}
//> cat says
//> cat says
//> cat says meow
//> cat says meow
//> cat says meow
//> cat says
//> cat says cat says cat says meow
//> cat says meow
//> cat says cat says meow
