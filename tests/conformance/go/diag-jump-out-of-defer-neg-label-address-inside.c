// jump-out-of-defer, negative: a deferred body that takes the address of
// its own label and jumps there with a computed goto from inside itself
// never enters the body from outside: no error, and it runs as written.
// requires: computed-goto
// spec: jump-out-of-defer
#include <stdio.h>

static void h(int n)
{
  defer {
    void *q = &&again;
    int i = 0;
  again:
    if (i++ < n)
      goto *q;
    printf("i = %d\n", i);
  }
  puts("h");
}

int main(void)
{
  h(2);
  return 0;
}
//> h
//> i = 3
