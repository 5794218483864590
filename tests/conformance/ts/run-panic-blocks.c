// Model ts: every block is a defer scope, and a panic unwinds through
// them: the bodies of the blocks being left run innermost block first,
// then the enclosing blocks', then the callers', up to cdefer_protect
// (SPEC 6).  Blocks already left ran their bodies at their '}'.
// requires: exceptions libcdefer
// cflags: -fexceptions
// spec: 3.ts, 3.3
// ts: extension
#include <stddefer.h>
#include <stdio.h>
#include <cdefer.h>

static void inner(int n)
{
  defer printf("inner function body\n");
  {
    defer printf("inner block, left normally\n");
  }
  for (int i = 0; i < n; i++) {
    defer printf("loop block %d\n", i);
    if (i == 2) {
      defer printf("if block\n");
      cdefer_panic(&n);
    }
  }
}

static void middle(int n)
{
  defer printf("middle body\n");
  {
    defer printf("middle block\n");
    inner(n);
  }
}

static void outer(void *arg)
{
  defer printf("outer body\n");
  middle(*(int *) arg);
}

int main(void)
{
  int n = 4;
  int rc = cdefer_protect(outer, &n);
  printf("protect %d, value is n: %d\n", rc, cdefer_panic_value() != 0);
  return 0;
}
//> inner block, left normally
//> loop block 0
//> loop block 1
//> if block
//> loop block 2
//> inner function body
//> middle block
//> middle body
//> outer body
//> protect 1, value is n: 1
