// escaping-capture (positive): a defer hidden in a do-while(0) macro, used in
// an `if` block that declares the variable.  The do-while(0) and the `if`
// block are not defer scopes, so the defer belongs to the function body and
// `snapshot` (declared in the `if` block) is dead when it runs.  The macro
// is used on the marked line, so the use is located there.
// spec: escaping-capture
// rejects: line 19 (escaping-capture)
#include <stdio.h>

#define PRINT_ON_RETURN(v) do { defer printf("%d\n", (v)); } while (0)

int main(void)
{
  int total = 0;
  for (int i = 0; i < 3; i++)
    total += i;
  if (total > 0) {
    int snapshot = total;
    PRINT_ON_RETURN(snapshot); // expect-error: escaping-capture
  }
  return 0;
}
