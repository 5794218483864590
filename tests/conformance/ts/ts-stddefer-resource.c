// TS 25755, the motivating pattern with the "defer" spelling: acquire,
// defer the release right after, return early on failure. Each path
// releases exactly what was acquired, in reverse order, after the return
// value is computed.
// spec: 3.ts, 3.4
// ts: 6.4p4
#include <stddefer.h>
#include <stdio.h>
#include <stdlib.h>

static int step(const char *what, int ok)
{
  printf("acquire %s: %s\n", what, ok ? "ok" : "failed");
  return ok;
}

static int run(int fail_at)
{
  printf("run(%d)\n", fail_at);
  char *buf = malloc(16);
  if (!buf)
    return -1;
  defer { free(buf); puts("free buf"); }
  if (!step("A", fail_at != 1))
    return 1;
  defer puts("release A");
  if (!step("B", fail_at != 2))
    return 2;
  defer puts("release B");
  puts("use A and B");
  return 0;
}

int main(void)
{
  printf("-> %d\n", run(0));
  printf("-> %d\n", run(2));
  printf("-> %d\n", run(1));
  return 0;
}
//> run(0)
//> acquire A: ok
//> acquire B: ok
//> use A and B
//> release B
//> release A
//> free buf
//> -> 0
//> run(2)
//> acquire A: ok
//> acquire B: failed
//> release A
//> free buf
//> -> 2
//> run(1)
//> acquire A: failed
//> free buf
//> -> 1
