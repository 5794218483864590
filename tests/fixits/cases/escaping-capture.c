// fixit-id: escaping-capture
// expect-fixits: 1
// The deferred body uses `buf`, declared in the `if` block: the fix-it makes
// that block a `scope`, so the body runs while `buf` is alive.
#include <stdio.h>
#include <string.h>

static void show(int verbose)
{
  if (verbose) {
    char buf[16];
    strcpy(buf, "verbose");
    defer printf("leaving with %s\n", buf);
    puts("in block");
  }
  puts("after block");
}

int main(void)
{
  show(1);
  return 0;
}
//> in block
//> leaving with verbose
//> after block
