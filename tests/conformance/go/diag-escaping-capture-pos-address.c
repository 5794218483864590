// escaping-capture (positive): taking the address of a dead variable counts
// as a use.  `buf` lives in the `else` block; the deferred body, which runs at
// the end of the function, passes `&buf`.
// spec: escaping-capture
// rejects: line 20 (escaping-capture)
#include <stdio.h>
#include <string.h>

static void wipe(char (*p)[16])
{
  memset(*p, 0, sizeof *p);
}

static void handle(int fast)
{
  if (fast) {
    puts("fast");
  } else {
    char buf[16] = "secret";
    defer wipe(&buf); // expect-error: escaping-capture
    puts(buf);
  }
}

int main(void)
{
  handle(0);
  return 0;
}
