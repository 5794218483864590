// defer-in-plain-block (negative): the `do { ... } while (0)` body of a macro
// is not a bare block for this rule (SPEC section 4, defer-in-plain-block:
// "nor `do { } while (0)` macro bodies"); the defer belongs to the function.
// spec: defer-in-plain-block
#include <stdio.h>

#define ON_RETURN(msg) do { defer puts(msg); } while (0)

static void f(void)
{
  ON_RETURN("macro cleanup");
  do {
    defer puts("written-out cleanup");
  } while (0);
  puts("body");
}

int main(void)
{
  f();
  return 0;
}
//> body
//> written-out cleanup
//> macro cleanup
