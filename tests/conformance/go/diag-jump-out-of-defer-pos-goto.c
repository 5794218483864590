// jump-out-of-defer (positive): a `goto` from a deferred body to a label
// outside it (here in the function body after the scope).
// spec: jump-out-of-defer
// rejects: line 13 (jump-out-of-defer)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  scope {
    defer {
      if (argc > 0)
        goto out; // expect-error: jump-out-of-defer
      puts("cleanup");
    }
    puts("body");
  }
out:
  puts("out");
  return 0;
}
