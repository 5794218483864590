// defer-in-plain-block (negative): a defer directly in a `switch` body is not
// reported (SPEC section 4, defer-in-plain-block: "Not for if/else/switch
// bodies").  It belongs to the function body and registers only when the
// switch reaches it (SPEC 3.2).
// spec: defer-in-plain-block
#include <stdio.h>

static void mode(int m)
{
  switch (m) {
  case 1:
    defer puts("mode 1 cleanup");
    puts("mode 1");
    break;
  default:
    puts("other mode");
    break;
  }
  puts("after switch");
}

int main(void)
{
  mode(1);
  mode(2);
  return 0;
}
//> mode 1
//> after switch
//> mode 1 cleanup
//> other mode
//> after switch
