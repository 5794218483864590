// TS 25755: the branches of an if/else (braced or not) are separate blocks;
// a defer in one runs when that branch is left, and only if the defer was
// reached.
// spec: 3.ts, 3.2
// ts: 6.4p4, 6.4 example 4
#include <stdio.h>

static void f(int c)
{
  printf("f(%d)\n", c);
  if (c) {
    _Defer puts("then-branch defer");
    puts("then branch");
  } else {
    _Defer puts("else-branch defer");
    puts("else branch");
  }
  puts("after if");
  if (c)
    puts("braceless then");
  else
    _Defer puts("braceless else defer");
  puts("end of f");
}

int main(void)
{
  f(1);
  f(0);
  return 0;
}
//> f(1)
//> then branch
//> then-branch defer
//> after if
//> braceless then
//> end of f
//> f(0)
//> else branch
//> else-branch defer
//> after if
//> braceless else defer
//> end of f
