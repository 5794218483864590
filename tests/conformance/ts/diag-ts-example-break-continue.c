// TS 25755 6.4 EXAMPLE 7: a deferred block cannot be exited by break or
// continue (6.4p3c), whether the switch or loop they would leave holds
// the defer statement directly or not.  Three errors, one at each.
// spec: 3.ts, jump-out-of-defer
// ts: 6.4p3c, 6.4 example 7
// rejects: line 16 (jump-out-of-defer)
// rejects: line 21 (jump-out-of-defer)
// rejects: line 26 (jump-out-of-defer)
#include <stddefer.h>

int main(void)
{
  switch (1) {
  default:
    defer {
      break; // constraint violation // expect-error: jump-out-of-defer
    }
  }
  for (;;) {
    defer {
      break; // constraint violation // expect-error: jump-out-of-defer
    }
  }
  for (;;) {
    defer {
      continue; // constraint violation // expect-error: jump-out-of-defer
    }
  }
  return 0;
}
