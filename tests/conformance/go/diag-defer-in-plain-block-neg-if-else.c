// defer-in-plain-block (negative): defers in the `{ }` bodies of if/else are
// conditional defers, the intended use; they are not reported (SPEC section 4,
// defer-in-plain-block: "Not for if/else/switch bodies").  Each registers
// only on its branch (SPEC 3.2) and runs when `pick` returns.
// spec: defer-in-plain-block
#include <stdio.h>

static void pick(int n)
{
  if (n > 0) {
    defer puts("positive cleanup");
    puts("positive");
  } else if (n < 0) {
    defer puts("negative cleanup");
    puts("negative");
  } else {
    defer puts("zero cleanup");
    puts("zero");
  }
  puts("picked");
}

int main(void)
{
  pick(1);
  pick(-1);
  pick(0);
  return 0;
}
//> positive
//> picked
//> positive cleanup
//> negative
//> picked
//> negative cleanup
//> zero
//> picked
//> zero cleanup
