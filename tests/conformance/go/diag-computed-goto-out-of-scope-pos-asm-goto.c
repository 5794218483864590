// computed-goto-out-of-scope (positive): an `asm goto` may transfer control
// to any of its label operands; here the label is outside the scope that has
// a defer, so the deferred body could be skipped.  Located at the `asm goto`.
// (The asm template is empty, so at run time it never jumps; the check is
// static.)
// requires: computed-goto
// spec: computed-goto-out-of-scope
// rejects: line 15 (computed-goto-out-of-scope)
#include <stdio.h>

int main(void)
{
  scope {
    defer puts("cleanup");
    asm goto ("" : : : : failed); // expect-error: computed-goto-out-of-scope
    puts("no jump");
  }
  return 0;
failed:
  puts("failed");
  return 1;
}
