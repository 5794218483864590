// TS 25755 6.4 EXAMPLE 2: the expressions of the enclosing block, the
// return expression included, are evaluated before the deferred blocks
// run.  main returns *p, read as 4 before the deferred block stores 5
// (exit status 4); and a buffer is released only after the call in the
// return expression that uses it has returned.
// spec: 3.ts, 3.4
// ts: 6.4p4, 6.4 example 2
// expect-exit: 4
#include <stddefer.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>

static int use_buffer(size_t n, void *buf)
{
  printf("use_buffer: %zu bytes at a live buffer: %d\n", n, buf != NULL);
  return 0;
}

static void release(void *buf)
{
  puts("buffer freed");
  free(buf);
}

static int g(void)
{
  const int size = 20;
  void *buf = malloc(size);
  defer { release(buf); }
  // buffer is not freed until AFTER use_buffer returns
  return use_buffer(size, buf);
}

int main(void)
{
  printf("g returned %d\n", g());
  int r = 4;
  int *p = &r;
  defer { *p = 5; }
  return *p; // return 4;
}
//> use_buffer: 20 bytes at a live buffer: 1
//> buffer freed
//> g returned 0
