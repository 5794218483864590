// address-escape (negative): `sigaction` only reads `&act` and writes `&old`
// during the call (SPEC section 4, address-escape: "Passing &x to a function
// that only uses it during the call (`sigaction(SIGINT, &old, NULL)` ...) is
// not an escape").  Deferred bodies run last registered first (SPEC 3.3):
// the second one installs `old` (zeroed: SIG_DFL), then the first installs
// `act` and saves the previous action into `old`; so after f() returns the
// handler is installed.
// spec: address-escape
#include <signal.h>
#include <stdio.h>
#include <string.h>

static void handler(int sig)
{
  (void)sig;
}

static int f(void)
{
  struct sigaction act, old;
  memset(&act, 0, sizeof act);
  memset(&old, 0, sizeof old);
  act.sa_handler = handler;
  sigemptyset(&act.sa_mask);
  defer {
    int rc = sigaction(SIGINT, &act, &old);
    printf("install %d\n", rc);
  }
  defer {
    int rc = sigaction(SIGINT, &old, NULL);
    printf("probe %d\n", rc);
  }
  puts("body");
  return 0;
}

int main(void)
{
  f();
  struct sigaction now;
  sigaction(SIGINT, NULL, &now);
  puts(now.sa_handler == handler ? "handler installed" : "default");
  return 0;
}
//> body
//> probe 0
//> install 0
//> handler installed
