// address-escape (positive): a store through a pointer that is a parameter
// (SPEC section 4, address-escape: "through a pointer that is a parameter").
// `_Defer` is spelled out before `*`: `defer *out` would be a declaration
// (SPEC section 2).
// The caller's `*out` and `holder->p` outlive the frame of `fill`, whose
// `value` and `buf` die when the deferred bodies run.
// spec: address-escape
// rejects: line 18 (address-escape)
// rejects: line 19 (address-escape)
#include <stdio.h>

struct holder { char *p; };

static void fill(int **out, struct holder *holder)
{
  int value = 42;
  char buf[8] = "abc";
  _Defer *out = &value; // expect-error: address-escape
  defer holder->p = buf + 1; // expect-error: address-escape
  printf("%d %s\n", value, buf);
}

int main(void)
{
  int *p = NULL;
  struct holder h = { NULL };
  fill(&p, &h);
  return 0;
}
