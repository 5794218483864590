// A computed goto whose targets (address-taken labels) all lie in the same
// scope as the defers is allowed (only targets outside the scope are
// rejected): the deferred body runs once, when the function returns.
// requires: computed-goto
// spec: 3.7, computed-goto-out-of-scope
#include <stdio.h>

enum { OP_PRINT, OP_ADD, OP_HALT };

static int run(const int *code)
{
  static const void *const table[] = { &&op_print, &&op_add, &&op_halt };
  int pc = 0, acc = 0;
  defer printf("run deferred: pc=%d acc=%d\n", pc, acc);
  goto *table[code[pc]];
op_print:
  printf("print acc=%d\n", acc);
  pc++;
  goto *table[code[pc]];
op_add:
  acc += 5;
  pc++;
  goto *table[code[pc]];
op_halt:
  puts("halt");
  return acc;
}

int main(void)
{
  const int code[] = { OP_ADD, OP_PRINT, OP_ADD, OP_ADD, OP_PRINT, OP_HALT };
  int r = run(code);
  printf("result=%d\n", r);
  return 0;
}
//> print acc=5
//> print acc=15
//> halt
//> run deferred: pc=5 acc=15
//> result=15
