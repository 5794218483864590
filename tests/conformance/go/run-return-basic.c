// return E: E is evaluated before the deferred bodies run, so a deferred
// body that changes the returned variable does not change the result; a
// change to a global made by a deferred body is visible to the caller.
// spec: 3.4
#include <stdio.h>

static int counter;

static int f(void)
{
  defer {
    counter += 10;
    printf("deferred: counter=%d\n", counter);
  }
  counter = 1;
  return counter;
}

static int g(void)
{
  int x = 5;
  defer x = 99;
  defer printf("g deferred: x=%d\n", x);
  return x;
}

static int h(int v)
{
  defer v = -1;
  return v * 2;
}

int main(void)
{
  int r = f();
  printf("f returned %d, counter=%d\n", r, counter);
  r = g();
  printf("g returned %d\n", r);
  printf("h returned %d\n", h(21));
  return 0;
}
//> deferred: counter=11
//> f returned 1, counter=11
//> g deferred: x=5
//> g returned 5
//> h returned 42
