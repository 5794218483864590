// TS 25755: "return E;" computes the value of E before the deferred blocks
// run -- for a structure too. A deferred block that modifies the local
// structure being returned must not change the caller's copy: cdefer
// returns the OLD value, as the TS requires (SPEC section 3, model ts).
// clang-differs: llvm-100868 (Clang constructs the returned struct in place
// (NRVO) and runs the deferred block on it, so the caller sees a = 100).
// spec: 3.ts, 3.4
// ts: 6.4p4, 6.4 example 2
#include <stdio.h>

struct pair { int a, b; };

static struct pair make(void)
{
  struct pair p = { 1, 2 };
  _Defer p.a = 100;
  _Defer printf("defer sees a = %d\n", p.a);
  p.b = 3;
  return p;
}

int main(void)
{
  struct pair r = make();
  printf("caller: a = %d, b = %d\n", r.a, r.b);
  return 0;
}
//> defer sees a = 1
//> caller: a = 1, b = 3
