// A conditional defer after `v = E; if (!v) JUMP;` may use v itself as its
// flag (issue 17: no flag of its own to keep live).  That is only right
// when v says exactly whether the defer was reached at every exit; each
// function below breaks one condition of that, and must still run the
// deferred body exactly when the defer was reached.
// spec: 3.2, 3.7
#include <stdio.h>

static int get(int x) { return x; }
static void rel(const char *who, int v) { printf("%s: release %d\n", who, v); }

// The pattern: v is the flag.
static int plain(int c, int x)
{
  int v = 0;
  if (c) {
    v = get(x);
    if (!v)
      return -1;
    defer rel("plain", v);
  }
  if (c > 1)
    return 2;
  return v;
}

// A cast that loses bits: (char) 256 == 0, but v is not 0.
static int cast(int x)
{
  int v = 0;
  if (x) {
    v = get(x);
    if (!(char) v)
      return -1;
    defer rel("cast", v);
  }
  return v;
}

// v changes after the defer: the defer was reached, v is 0.
static int later(int x)
{
  int v = 0;
  if (x) {
    v = get(x);
    if (!v)
      return -1;
    defer rel("later", v);
  }
  v = 0;
  return 1;
}

// Another deferred body clears v before this one runs.
static int cleared(int x)
{
  int v = 0;
  if (x) {
    v = get(x);
    if (v == 0)
      return -1;
    defer rel("cleared", v);
  }
  defer v = 0;
  return 1;
}

// A goto from before v's initializer to a label after the defer: v holds
// no value there.
static int skipinit(int x)
{
  if (x > 100)
    goto out;
  int v = 0;
  if (x) {
    v = get(x);
    if (!v)
      return -1;
    defer rel("skipinit", v);
  }
out:
  return x;
}

// The test does not jump: the defer is reached with v == 0.
static int nojump(int x)
{
  int v = 0;
  if (1) {
    v = get(x);
    if (!v)
      puts("nojump: zero");
    defer rel("nojump", v);
  }
  return v;
}

// The address of v is taken: it changes behind the description's back.
static int addressed(int x)
{
  int v = 0;
  int *p = &v;
  if (x) {
    v = get(x);
    if (!v)
      return -1;
    defer rel("addressed", v);
  }
  *p = 0;
  return 1;
}

// Another v is declared in the scope: the name means something else there.
static int shadow(int x)
{
  int v = 0;
  if (x) {
    v = get(x);
    if (!v)
      return -1;
    defer rel("shadow", v);
  }
  {
    int v = 0;
    if (!v)
      return 7;
  }
  return v;
}

// In a scope run by a loop: v starts at 0 on every iteration.
static void loop(void)
{
  for (int i = 0; i < 3; i++) scope {
    int v = 0;
    if (i != 1) {
      v = get(i);
      if (!v)
        continue;
      defer rel("loop", v);
    }
    printf("loop: %d\n", i);
  }
}

int main(void)
{
  printf("%d\n", plain(1, 5));
  printf("%d\n", plain(1, 0));
  printf("%d\n", plain(0, 5));
  printf("%d\n", plain(2, 6));
  printf("%d\n", cast(256));
  printf("%d\n", cast(3));
  printf("%d\n", later(4));
  printf("%d\n", cleared(5));
  printf("%d\n", skipinit(200));
  printf("%d\n", skipinit(9));
  printf("%d\n", nojump(0));
  printf("%d\n", addressed(6));
  printf("%d\n", shadow(8));
  loop();
  return 0;
}
//> plain: release 5
//> 5
//> -1
//> 0
//> plain: release 6
//> 2
//> -1
//> cast: release 3
//> 3
//> later: release 0
//> 1
//> cleared: release 0
//> 1
//> 200
//> skipinit: release 9
//> 9
//> nojump: zero
//> nojump: release 0
//> 0
//> addressed: release 0
//> 1
//> shadow: release 8
//> 7
//> loop: 1
//> loop: 2
//> loop: release 2
