// computed-goto-out-of-scope (negative): a threaded-code interpreter loop in
// a function body with a defer.  All targets are in the function body (the
// goto's own scope), and they all come after the defer, so the computed
// gotos neither leave a scope nor re-register the defer.
// requires: computed-goto
// spec: computed-goto-out-of-scope
#include <stdio.h>

static int run(const unsigned char *code)
{
  static void *const ops[] = { &&op_halt, &&op_inc, &&op_dbl };
  int acc = 1;
  defer printf("acc=%d\n", acc);
  goto *ops[*code++];
op_inc:
  acc++;
  goto *ops[*code++];
op_dbl:
  acc *= 2;
  goto *ops[*code++];
op_halt:
  return acc;
}

int main(void)
{
  static const unsigned char prog[] = { 1, 2, 2, 1, 0 };
  printf("%d\n", run(prog));
  return 0;
}
//> acc=9
//> 9
