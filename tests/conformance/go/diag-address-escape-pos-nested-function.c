// address-escape (positive): a GNU nested function lives in the stack frame
// (its trampoline does), so registering it with `atexit` or `signal`, or
// starting a thread on it (`pthread_create` arg 3), from a deferred body
// leaves a dangling function pointer (SPEC section 4, address-escape: "arg 3
// for a nested function", "a nested function to signal/sigaction/atexit").
// requires: nested-functions pthread
// ldflags: -pthread
// spec: address-escape
// rejects: line 24 (address-escape)
// rejects: line 25 (address-escape)
// rejects: line 26 (address-escape)
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static int setup(int level)
{
  int count = level;
  void bye(void) { printf("bye %d\n", count); }
  void on_sig(int sig) { count += sig; }
  void *run(void *arg) { count++; return arg; }
  pthread_t tid;
  defer atexit(bye); // expect-error: address-escape
  defer signal(SIGUSR1, on_sig); // expect-error: address-escape
  defer pthread_create(&tid, NULL, run, NULL); // expect-error: address-escape
  return count;
}

int main(void)
{
  return setup(0);
}
