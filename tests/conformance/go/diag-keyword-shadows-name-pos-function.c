// requires: source-input
// keyword-shadows-name (positive, warning): a function named `defer` is in
// view.  `defer("...");` calls it (the group is followed by `;`), but
// `defer { ... }` and `defer (void)defer("...");` (a group followed by an
// identifier) take the keyword, so the backends warn there.
// spec: 2, keyword-shadows-name
#include <stdio.h>

static int defer(const char *s)
{
  return puts(s);
}

int main(void)
{
  defer("call");
  defer { defer("block"); } // expect-warning: keyword-shadows-name
  defer (void)defer("cast"); // expect-warning: keyword-shadows-name
  puts("end");
  return 0;
}
//> call
//> end
//> cast
//> block
