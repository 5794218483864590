// migrate: --rules=goto-cleanup
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A backward goto around the acquisition: it crosses every place its
   defer could go (after the declaration, before the goto that needs
   it).  */
static int retry (int n)
{
  int tries = 0;
again:
  tries++;
  char *p = malloc (n);
  if (!p)
    goto out;
  if (tries < 3)
    {
      free (p);
      goto again;
    }
  p[0] = 0;
out:
  free (p);
  return tries;
}

/* A return after the resource is taken: the release must not run there
   (the buffer is handed out), but must run for the goto before it.  */
static char *take (int n, int fail)
{
  char *p = malloc (n);
  if (fail)
    goto out;
  if (n > 1)
    return p;
  p[0] = 0;
out:
  free (p);
  return NULL;
}

/* The returned value is computed by the cleanup code.  */
static int size_of (const char *s)
{
  char *c = strdup (s);
  int n = 0;
  if (!c)
    goto out;
  n = 1;
out:
  n += c ? (int) strlen (c) : 0;
  free (c);
  return n;
}

/* The cleanup code returns early itself: not a plain statement.  */
static int two_exits (int x)
{
  char *p = malloc (4);
  if (x)
    goto fail;
  free (p);
  return 0;
fail:
  free (p);
  return -1;
}

/* Code under #if: moving it would change another configuration.  */
static int conditional (void)
{
  int r = 0;
  char *p = malloc (1);
  if (!p)
    goto out;
  r = 1;
out:
#ifdef VERBOSE
  puts ("out");
#endif
  free (p);
  return r;
}

/* An asm goto (from a macro here) is a jump the rule does not follow.  */
#define MAYBE_OUT() __asm__ goto ("" : : : : out)
static int asm_jump (int x)
{
  char *p = malloc (1);
  MAYBE_OUT ();
  p[0] = 1;
out:
  free (p);
  return x;
}

int main (void)
{
  printf ("%d\n", retry (4));
  free (take (4, 0));
  take (1, 1);
  printf ("%d %d %d %d\n", size_of ("abc"), two_exits (1), conditional (),
          asm_jump (5));
  return 0;
}
//> 3
//> 4 -1 1 5
