// TS 25755 jump rules, the allowed forward gotos: a goto that skips a whole
// nested block containing a defer does not enter that defer's scope; a goto
// located after a defer jumping forward within the defer's scope stays in
// it (the defer stays registered and runs at the block's end); a goto to a
// label *before* a defer does not pass it.
// spec: 3.ts
// ts: 6.4p3b, 6.4 example 1
#include <stdio.h>

int main(void)
{
  goto skip;
  {
    _Defer puts("skipped block defer (never registered)");
    puts("not printed");
  }
skip:
  puts("skip");
  {
    _Defer puts("block defer");
    goto forward;
    puts("not printed");
  forward:
    puts("forward");
  }
  {
    goto before;
    puts("not printed");
  before:
    _Defer puts("defer after label");
    puts("before");
  }
  return 0;
}
//> skip
//> forward
//> block defer
//> before
//> defer after label
