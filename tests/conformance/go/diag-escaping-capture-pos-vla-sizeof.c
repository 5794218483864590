// escaping-capture (positive): `sizeof v` where `v` is a variable-length
// array declared in an `if` block, used in a deferred body that runs when
// the function returns.  SPEC 4 exempts sizeof/typeof operands because they
// are not evaluated; the operand of sizeof *is* evaluated when its type is a
// VLA (C11 6.5.3.4p2), and its size belongs to the block that has ended (a
// lowering that puts the body at the end of the function cannot even name
// `v` there).  SPEC is silent on this case; a C programmer expects the
// evaluated operand to count as a use, so: escaping-capture (issue 12: both
// backends, from the core's one rule).
// requires: vla
// spec: escaping-capture
// rejects: line 20 (escaping-capture)
#include <stdio.h>

static void work(int n)
{
  if (n > 0) {
    int v[n];
    v[0] = n;
    defer printf("%zu\n", sizeof v); // expect-error: escaping-capture
    printf("%d\n", v[0]);
  }
}

int main(void)
{
  work(3);
  return 0;
}
