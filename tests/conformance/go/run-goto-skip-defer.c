// A forward goto (in the same scope) that jumps past a defer statement
// skips its registration: the deferred body must not run on that path
// (it would release something never acquired).
// spec: 3.7
#include <stdio.h>

static int acquired;

static void acquire(void)
{
  acquired++;
  puts("acquire");
}

static void release(void)
{
  acquired--;
  puts("release");
}

static int f(int fail)
{
  int rc = 0;
  if (fail) {
    rc = -1;
    goto out;
  }
  acquire();
  defer release();
  puts("work");
out:
  printf("at out, rc=%d\n", rc);
  return rc;
}

int main(void)
{
  f(0);
  printf("acquired=%d\n", acquired);
  f(1);
  printf("acquired=%d\n", acquired);
  return 0;
}
//> acquire
//> work
//> at out, rc=0
//> release
//> acquired=0
//> at out, rc=-1
//> acquired=0
