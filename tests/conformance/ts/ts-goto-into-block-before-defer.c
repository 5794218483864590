// TS 25755 jump rules: a goto may enter a block as long as it does not
// pass a defer of that block (the label precedes the defer). The defer is
// then reached normally and runs at that block's exit.
// spec: 3.ts
// ts: 6.4p3b, 6.4 example 1
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 0)
    goto in;
  puts("not printed");
  {
    puts("not printed either");
  in:
    puts("entered the block at the label");
    _Defer puts("block defer");
    puts("rest of block");
  }
  puts("after block");
  return 0;
}
//> entered the block at the label
//> rest of block
//> block defer
//> after block
