// TS 25755: the returned value is fixed before deferred blocks run, also for
// a large structure returned through memory (sret), from an inner block,
// and when the deferred block overwrites the whole structure. The caller
// must see the value as it was at the return statement.
// clang-differs: llvm-100868 (Clang lets the deferred block write into the
// returned object).
// spec: 3.ts, 3.4
// ts: 6.4p4
#include <stdio.h>
#include <string.h>

struct big { int v[16]; char name[32]; };

static struct big build(int k)
{
  struct big b;
  memset(&b, 0, sizeof b);
  {
    _Defer memset(&b, 0xff, sizeof b);
    for (int i = 0; i < 16; i++)
      b.v[i] = i * k;
    strcpy(b.name, "built");
    {
      _Defer strcpy(b.name, "clobbered");
      return b;
    }
  }
}

int main(void)
{
  struct big r = build(2);
  printf("%s %d %d\n", r.name, r.v[1], r.v[15]);
  return 0;
}
//> built 2 30
