// C23 lets a label end a block (`out: }`), also `case`/`default`: in a
// function that uses defer, the labels work as jump targets, the deferred
// bodies run when the function returns (SPEC section 3), and the lowering
// gives compilers without C23 labels (clang before 16) `out: ;}`.
// spec: 3.3
#include <stdio.h>

static int f(int x)
{
  defer printf("deferred %d\n", x);
  if (x == 0)
    goto out;
  {
    if (x > 1)
      goto inner;
    puts("inner block");
  inner:
  }
  switch (x) {
  case 1:
    puts("case 1");
    break;
  default:
  }
  x *= 10;
out:
}

int main(void)
{
  f(0);
  f(1);
  f(2);
  return 0;
}
//> deferred 0
//> inner block
//> case 1
//> deferred 10
//> deferred 20
