// defer-reexecuted (positive): label, defer and backward `goto` all inside
// one `scope` body.  The goto does not leave the scope, so the defer would
// register again in the same scope instance.
// spec: 3.7, defer-reexecuted
// rejects: line 22 (defer-reexecuted)
#include <stdio.h>

static int attempts;

static int try_once(void)
{
  return ++attempts >= 2;
}

int main(void)
{
  scope {
  retry:
    puts("trying");
    defer puts("undo");
    if (!try_once())
      goto retry; // expect-error: defer-reexecuted
  }
  return 0;
}
