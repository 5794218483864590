// Model ts (every block a defer scope) with C23 labels that end a block:
// a goto to the label at the end of a block leaves nothing of the block
// but its deferred bodies, which run at the '}' after the label; a
// `default:` that ends the switch body.
// spec: 3.ts, 3.3
// ts: 6.4p4
#include <stddefer.h>
#include <stdio.h>

static void f(int x)
{
  {
    defer printf("block end %d\n", x);
    if (x)
      goto inner;
    puts("not jumped");
  inner:
  }
  switch (x) {
  case 1: {
    defer puts("case 1 block");
  }
  default:
  }
  puts("f end");
}

int main(void)
{
  f(0);
  f(1);
  return 0;
}
//> not jumped
//> block end 0
//> f end
//> block end 1
//> case 1 block
//> f end
