// Nested cdefer_protect: a panic stops at the innermost protect of its
// thread, whose call returns non-zero; the outer protected function then
// continues normally, and a later panic in it goes to the outer protect.
// A protected call that does not panic returns 0 and runs its deferred
// bodies as usual; cdefer_panic_value() keeps the value of the last
// panic that was stopped (SPEC 6).
// requires: exceptions libcdefer
// cflags: -fexceptions
// spec: 3.3
#include <stdint.h>
#include <stdio.h>
#include <cdefer.h>

static void fail(void *arg)
{
  defer printf("fail body\n");
  cdefer_panic(arg);
}

static void fine(void *arg)
{
  defer printf("fine body\n");
  *(int *) arg += 1;
}

static void outer(void *arg)
{
  (void) arg;
  defer printf("outer body\n");
  int rc = cdefer_protect(fail, (void *) (intptr_t) 10);
  printf("inner protect %d, value %d\n", rc, (int) (intptr_t) cdefer_panic_value());
  int count = 0;
  rc = cdefer_protect(fine, &count);
  printf("fine protect %d, count %d, value %d\n", rc, count,
         (int) (intptr_t) cdefer_panic_value());
  cdefer_panic((void *) (intptr_t) 20);
}

int main(void)
{
  printf("value before any panic: %s\n", cdefer_panic_value() ? "set" : "NULL");
  int rc = cdefer_protect(outer, NULL);
  printf("outer protect %d, value %d\n", rc, (int) (intptr_t) cdefer_panic_value());
  return 0;
}
//> value before any panic: NULL
//> fail body
//> inner protect 1, value 10
//> fine body
//> fine protect 0, count 1, value 10
//> outer body
//> outer protect 1, value 20
