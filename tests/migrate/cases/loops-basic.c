// migrate: --rules=loops
#include <stdio.h>
#define N 3

static void f (int i) { printf ("f %d\n", i); }

int main (void)
{
  /* K&R braces, a macro in the loop head */
  for (int i = 0; i < N; i++) {
    defer f (i);
    printf ("body %d\n", i);
  }
  /* GNU braces, two defers in one body: one scope */
  for (int i = 0; i < N; i++)
    {
      defer f (i);
      defer f (i + 10);
    }
  int k = 0;
  /* a body without braces */
  while (k++ < 2)
    defer f (k);
  do
    {
      if (k)
        {
          defer f (k + 20);
        }
    }
  while (--k);
  /* not a loop: do-while(0) */
  do { defer f (99); } while (0);
  /* nested loops: each innermost body that holds a defer */
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      {
        defer f (i * 10 + j);
      }
  /* already a scope: nothing to do */
  for (int i = 0; i < 2; i++) scope {
    defer f (i);
  }
  return 0;
}
