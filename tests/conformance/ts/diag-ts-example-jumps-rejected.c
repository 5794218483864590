// TS 25755 6.4 EXAMPLE 1, the functions whose jumps are constraint
// violations (f, j, k, l, n, q), as in the draft: a goto forward past a
// defer into its scope (f, n) or backward into a block past its defer
// (q) (6.4p3b); a goto or return that exits a deferred block (j, k)
// (6.4p3c); a goto into a deferred block (l) (6.4p3a).  The program must
// be rejected, with an error at each violation.
// spec: 3.ts, jump-into-scope, jump-out-of-defer
// ts: 6.4p3a, 6.4p3b, 6.4p3c, 6.4 example 1
// rejects: line 20 (jump-into-scope)
// rejects: line 30 (jump-out-of-defer)
// rejects: line 41 (jump-out-of-defer)
// rejects: line 54 (jump-into-scope)
// rejects: line 61 (jump-into-scope)
// rejects: line 76 (jump-into-scope)
#include <stddefer.h>
#include <stdio.h>

int f(void)
{
  goto target; // constraint violation // expect-error: jump-into-scope
  defer { fputs(" meow", stdout); }
target:
  fputs("cat says", stdout);
  return 1;
}

int j(void)
{
  defer {
    goto target; // constraint violation // expect-error: jump-out-of-defer
    fputs(" meow", stdout);
  }
target:
  fputs("cat says", stdout);
  return 1;
}

int k(void)
{
  defer {
    return 5; // constraint violation // expect-error: jump-out-of-defer
    fputs(" meow", stdout);
  }
  fputs("cat says", stdout);
  return 1;
}

int l(void)
{
  defer {
  target:
    fputs(" meow", stdout);
  }
  goto target; // constraint violation // expect-error: jump-into-scope
  fputs("cat says", stdout);
  return 1;
}

int n(void)
{
  goto target; // constraint violation // expect-error: jump-into-scope
  {
    defer { fputs(" meow", stdout); }
  target:;
  }
  fputs("cat says", stdout);
  return 1;
}

int q(void)
{
  {
    defer { fputs(" meow", stdout); }
  target:;
  }
  goto target; // constraint violation // expect-error: jump-into-scope
  fputs("cat says", stdout);
  return 1;
}

int main(void)
{
  return f() + j() + k() + l() + n() + q();
}
