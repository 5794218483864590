// cdefer_panic unwinds through three frames to the nearest
// cdefer_protect, running every registered deferred body on the way
// (SPEC 6): innermost frame first, each frame's bodies last registered
// first, the bodies of scope blocks (also of a loop's current iteration)
// before those of the enclosing function.  Bodies of earlier iterations
// already ran at the end of their iteration; a defer not yet reached
// (after the panic) was never registered.  cdefer_protect then returns
// non-zero, and cdefer_panic_value() is the panic's value; a second
// protected call behaves the same (no state left over).
// requires: exceptions libcdefer
// cflags: -fexceptions
// spec: 3.3
#include <stdio.h>
#include <cdefer.h>

static int depth;

static void level3(int n)
{
  defer printf("level3 body %d\n", n);
  for (int i = 0; i < 3; i++) scope {
    defer printf("level3 iteration %d\n", i);
    if (i == 1)
      cdefer_panicf("failed at %d", n);
    printf("level3 work %d\n", i);
  }
  defer printf("level3 never registered\n");
  printf("level3 not reached\n");
}

static void level2(int n)
{
  defer printf("level2 outer\n");
  scope {
    defer printf("level2 scope\n");
    depth++;
    level3(n + 1);
  }
  printf("level2 not reached\n");
}

static void level1(void *arg)
{
  int *n = arg;
  defer printf("level1 first\n");
  defer printf("level1 second\n");
  level2(*n);
  printf("level1 not reached\n");
}

int main(void)
{
  int n = 5;
  int rc = cdefer_protect(level1, &n);
  printf("protect returned %d, value \"%s\", depth %d\n", rc,
         (char *) cdefer_panic_value(), depth);
  n = 7;
  rc = cdefer_protect(level1, &n);
  printf("protect returned %d, value \"%s\", depth %d\n", rc,
         (char *) cdefer_panic_value(), depth);
  return 0;
}
//> level3 work 0
//> level3 iteration 0
//> level3 iteration 1
//> level3 body 6
//> level2 scope
//> level2 outer
//> level1 second
//> level1 first
//> protect returned 1, value "failed at 6", depth 1
//> level3 work 0
//> level3 iteration 0
//> level3 iteration 1
//> level3 body 8
//> level2 scope
//> level2 outer
//> level1 second
//> level1 first
//> protect returned 1, value "failed at 8", depth 2
