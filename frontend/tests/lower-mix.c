/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Front-end smoke test: exit paths, flags, dispatch, aliases.
   Expected output in lower-mix.expected (same on gcc, clang, tcc).  */
#include <stdio.h>
#include <string.h>

struct big { int v[8]; };

static struct big mk (int x)
{
  struct big b;
  memset (&b, 0, sizeof b);
  b.v[0] = x;
  defer b.v[0] = -1;            /* must not change the returned value */
  return b;
}

static int counter (void)
{
  static int (*self) (void);
  self = counter;
  defer {
    static int calls;            /* one static, however many exits */
    calls++;
    printf ("counter exit %d\n", calls);
  }
  if (!self)
    return 0;
  return 1;
}

static int gotos (int n)
{
  int r = 0;
  scope {
    defer printf ("outer scope done (n=%d)\n", n);
    if (n == 0)
      goto out;
    scope {
      defer puts ("inner scope done");
      if (n == 1)
        goto out;
      r = 10;
    }
    r++;
  }
out:
  return r;
}

static void loops (void)
{
  for (int i = 0; i < 4; i++) scope {
    defer printf ("iter %d end\n", i);
    if (i == 1)
      continue;
    if (i == 3)
      break;
    switch (i) scope {
    case 0:
      defer puts ("case 0 deferred");
      puts ("case 0");
      break;
    case 2:
      puts ("case 2");
      /* fall through */
    default:
      defer puts ("default deferred");
    }
  }
}

static int cond (int c)
{
  int x = 1;
  if (c)
    defer printf ("cond defer x=%d\n", x);
  x = 2;
  scope {
    int x = 3;                    /* shadows; the defer above sees outer x */
    defer printf ("inner x=%d\n", x);
  }
  return ({ defer puts ("stmt-expr body"); x * 10; });
}

static int shadow (void)
{
  int v = 1;
  scope {
    defer printf ("shadow sees %d\n", v);
    int v = 2;
    (void) v;
  }
  return v;
}

static void cl (int *p) { printf ("cleanup %d\n", *p); }

static void cleanups (int early)
{
  __attribute__ ((cleanup (cl))) int a = 1;
  defer puts ("defer after a");
  {
    __attribute__ ((cleanup (cl))) int b = 2;
    if (early)
      return;
  }
  __attribute__ ((cleanup (cl))) int c = 3;
  (void) c;
}

int oldstyle (a, b)
     int a;
     char *b;
{
  defer printf ("oldstyle %s\n", b);
  return a + 1;
}

int main (void)
{
  struct big b = mk (5);
  printf ("mk %d\n", b.v[0]);
  int c1 = counter ();
  int c2 = counter ();
  printf ("counter %d %d\n", c1, c2);
  for (int n = 0; n < 3; n++)
    {
      int g = gotos (n);
      printf ("gotos %d\n", g);
    }
  loops ();
  printf ("cond %d\n", cond (1));
  printf ("cond %d\n", cond (0));
  printf ("shadow %d\n", shadow ());
  cleanups (1);
  puts ("--");
  cleanups (0);
  printf ("oldstyle %d\n", oldstyle (1, "b"));
  int defer = 3;                  /* still an identifier */
  defer++;
  printf ("defer=%d\n", defer);
  return 0;
}
