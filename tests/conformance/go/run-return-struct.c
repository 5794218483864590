// Returning a small struct: the returned value is copied before the
// deferred bodies run, even when the returned local is modified by them,
// including through its address (which defeats return-value optimisation
// shortcuts that would alias the local with the caller's object).
// spec: 3.4
#include <stdio.h>

struct pt {
  int x, y;
};

static void clobber(struct pt *p)
{
  p->x = -7;
  p->y = -8;
}

static struct pt f(void)
{
  struct pt p = { 1, 2 };
  defer {
    p.x = 100;
    p.y = 200;
  }
  return p;
}

static struct pt g(int n)
{
  struct pt p;
  p.x = n;
  p.y = n + 1;
  defer clobber(&p);
  defer printf("g deferred sees %d,%d\n", p.x, p.y);
  return p;
}

int main(void)
{
  struct pt a = f();
  struct pt b;
  printf("f: %d,%d\n", a.x, a.y);
  b = g(10);
  printf("g: %d,%d\n", b.x, b.y);
  b = g(b.x + 10);
  printf("g again: %d,%d\n", b.x, b.y);
  return 0;
}
//> f: 1,2
//> g deferred sees 10,11
//> g: 10,11
//> g deferred sees 20,21
//> g again: 20,21
