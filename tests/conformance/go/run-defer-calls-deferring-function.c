// A deferred body that calls a function which has its own defers: the
// callee's deferred bodies run when the callee returns, inside the
// caller's deferred body.
// spec: 3.6
#include <stdio.h>

static void helper(const char *who)
{
  defer printf("helper(%s) deferred\n", who);
  printf("helper(%s) body\n", who);
}

static void f(void)
{
  defer puts("f deferred last");
  defer {
    helper("from defer");
    puts("after helper in defer");
  }
  helper("from body");
  puts("f body");
}

int main(void)
{
  f();
  return 0;
}
//> helper(from body) body
//> helper(from body) deferred
//> f body
//> helper(from defer) body
//> helper(from defer) deferred
//> after helper in defer
//> f deferred last
