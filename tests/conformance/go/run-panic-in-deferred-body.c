// A panic in a deferred body that runs while another panic unwinds
// replaces the first one (as in Go): the rest of that body is skipped,
// the unwinding continues from there with the new value, and the bodies
// registered before it still run.  A deferred body may itself call
// cdefer_protect: a panic inside that protected call stops there, and
// the first panic then continues on its way (SPEC 6, docs/runtime.md).
// requires: exceptions libcdefer
// cflags: -fexceptions
// spec: 3.3, 3.6
#include <stdint.h>
#include <stdio.h>
#include <cdefer.h>

static void replacing(void *arg)
{
  (void) arg;
  defer printf("registered first, runs last\n");
  defer {
    printf("second body panics\n");
    cdefer_panicf("second panic");
    printf("not reached\n");
  }
  defer printf("registered third, runs first\n");
  cdefer_panicf("first panic");
}

static void helper(void *arg)
{
  defer printf("helper body\n");
  cdefer_panic(arg);
}

static void protect_in_body(void *arg)
{
  (void) arg;
  defer printf("outer body\n");
  defer {
    int rc = cdefer_protect(helper, (void *) (intptr_t) 77);
    printf("protect in a deferred body: %d, value %d\n", rc,
           (int) (intptr_t) cdefer_panic_value());
  }
  defer printf("last registered\n");
  cdefer_panic((void *) (intptr_t) 11);
}

int main(void)
{
  int rc = cdefer_protect(replacing, NULL);
  printf("protect %d, value \"%s\"\n", rc, (char *) cdefer_panic_value());
  rc = cdefer_protect(protect_in_body, NULL);
  printf("protect %d, value %d\n", rc, (int) (intptr_t) cdefer_panic_value());
  return 0;
}
//> registered third, runs first
//> second body panics
//> registered first, runs last
//> protect 1, value "second panic"
//> last registered
//> helper body
//> protect in a deferred body: 1, value 77
//> outer body
//> protect 1, value 11
