// keyword-shadows-name (negative): a user `#define` of `scope` wins (SPEC
// section 2), and after `#undef` the word is the contextual keyword again.
// A macro is not a declaration, so the keyword use after the #undef is not
// diagnosed, and the macro uses are plain C.
// spec: 2, keyword-shadows-name
#include <stdio.h>

#define scope 40
static int base = scope + 2;
#undef scope

int main(void)
{
  scope {
    defer printf("base=%d\n", base);
    base++;
  }
  return 0;
}
//> base=43
