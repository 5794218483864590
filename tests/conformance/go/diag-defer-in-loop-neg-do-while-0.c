// defer-in-loop (negative): `do { ... } while (0)` -- the usual macro body --
// is not a loop for this rule, whether written as a literal 0, an enum
// constant or another integer constant expression equal to 0.  The defers
// register once each and belong to the function body, so they run (LIFO)
// when the function returns, after "body".
// spec: defer-in-loop
#include <stdio.h>

enum { NEVER = 0 };

#define LOG_AT_EXIT(msg) do { defer puts(msg); } while (0)

static void f(void)
{
  do {
    defer puts("first");
  } while (0);
  do { defer puts("second"); } while (NEVER);
  LOG_AT_EXIT("third");
  do {
    defer puts("fourth");
  } while (1 - 1);
  puts("body");
}

int main(void)
{
  f();
  puts("after");
  return 0;
}
//> body
//> fourth
//> third
//> second
//> first
//> after
