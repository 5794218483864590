// While a panic unwinds, deferred bodies and the user's own
// __attribute__((cleanup)) variables run in exact LIFO order, as on a
// normal exit (SPEC 5: they interleave), also in a function whose
// defers need flags (a defer inside an if).
// requires: exceptions libcdefer cleanup-attribute
// cflags: -fexceptions
// spec: 3.3
#include <stdio.h>
#include <cdefer.h>

static void say(const char **s) { printf("cleanup %s\n", *s); }

static void g(int flagged)
{
  defer printf("g defer 1\n");
  __attribute__((cleanup(say))) const char *a = "a";
  if (flagged)
    defer printf("g defer 2 (flagged)\n");
  __attribute__((cleanup(say))) const char *b = "b";
  defer printf("g defer 3\n");
  cdefer_panicf("from g");
}

static void run(void *arg)
{
  __attribute__((cleanup(say))) const char *r = "run";
  defer printf("run defer\n");
  g(*(int *) arg);
}

int main(void)
{
  for (int flagged = 0; flagged < 2; flagged++)
    printf("protect %d\n", cdefer_protect(run, &flagged));
  return 0;
}
//> g defer 3
//> cleanup b
//> cleanup a
//> g defer 1
//> run defer
//> cleanup run
//> protect 1
//> g defer 3
//> cleanup b
//> g defer 2 (flagged)
//> cleanup a
//> g defer 1
//> run defer
//> cleanup run
//> protect 1
