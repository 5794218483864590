// Returning a struct larger than 64 bytes (returned through a hidden
// pointer to the caller's object): deferred bodies that modify the returned
// local, or a global returned by value, must not change what the caller
// receives -- also when the caller's destination is the very object that is
// being modified.
// spec: 3.4
#include <stdio.h>
#include <string.h>

struct big {
  int a[32];
  char tag[16];
};

static struct big global_big;

static struct big make(int seed)
{
  struct big b;
  int i;
  for (i = 0; i < 32; i++)
    b.a[i] = seed + i;
  strcpy(b.tag, "made");
  defer {
    memset(b.a, 0, sizeof b.a);
    strcpy(b.tag, "clobbered");
  }
  return b;
}

static struct big from_global(void)
{
  global_big.a[0] = 1;
  strcpy(global_big.tag, "global");
  defer {
    global_big.a[0] = 2;
    strcpy(global_big.tag, "after");
  }
  return global_big;
}

static int sum(const struct big *b)
{
  int s = 0, i;
  for (i = 0; i < 32; i++)
    s += b->a[i];
  return s;
}

int main(void)
{
  struct big x = make(1);
  printf("make(1): a[0]=%d a[31]=%d sum=%d tag=%s\n", x.a[0], x.a[31], sum(&x), x.tag);
  x = make(x.a[31]);
  printf("make(32): a[0]=%d a[31]=%d tag=%s\n", x.a[0], x.a[31], x.tag);
  global_big = from_global();
  printf("global: a[0]=%d tag=%s\n", global_big.a[0], global_big.tag);
  x = from_global();
  printf("copy: a[0]=%d tag=%s; global now a[0]=%d tag=%s\n", x.a[0], x.tag,
         global_big.a[0], global_big.tag);
  return 0;
}
//> make(1): a[0]=1 a[31]=32 sum=528 tag=made
//> make(32): a[0]=32 a[31]=63 tag=made
//> global: a[0]=1 tag=global
//> copy: a[0]=1 tag=global; global now a[0]=2 tag=after
