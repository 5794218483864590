// migrate: --rules=goto-cleanup
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unlocked;
static void lock (void) { printf ("lock\n"); }
static void unlock (void) { printf ("unlock\n"); unlocked++; }
static void release (char *p, const char *what) { printf ("release %s\n", what); free (p); }

/* One label, NULL-initialised resources, guarded and NULL-safe releases,
   an early return before anything is acquired.  */
static int count_words (const char *text)
{
  int ret = -1;
  char *copy = NULL;
  char *save = NULL;

  if (!text)
    return -2;
  copy = strdup (text);
  if (!copy)
    goto out;
  save = malloc (1);
  if (!save)
    goto out;
  ret = 0;
  for (char *w = strtok (copy, " "); w; w = strtok (NULL, " "))
    ret++;
out:
  if (save)
    release (save, "save");
  free (copy);
  return ret;
}

/* A ladder: each goto skips the releases of what was not acquired.  */
static char *join (const char *a, const char *b)
{
  char *x, *y;
  char *res = NULL;

  x = strdup (a);
  if (!x)
    goto err;
  y = strdup (b);
  if (!y)
    goto err_x;
  res = malloc (strlen (x) + strlen (y) + 1);
  if (!res)
    goto err_y;
  strcpy (res, x);
  strcat (res, y);
err_y:
  release (y, "y");
err_x:
  release (x, "x");
err:
  return res;
}

/* A lock released on every path; the result decides what is kept.  */
static int locked_work (int fail)
{
  int r = 0;
  char *tmp;

  lock ();
  tmp = malloc (8);
  if (!tmp)
    {
      r = -1;
      goto unlock;
    }
  if (fail)
    {
      r = -2;
      goto free_tmp;
    }
  printf ("work\n");
free_tmp:
  if (r < 0)
    release (tmp, "tmp on error");
  else
    release (tmp, "tmp");
unlock:
  unlock ();
  return r;
}

/* A void function ending with its cleanup.  */
static void zero (int n)
{
  char *p = malloc (n);
  if (!p)
    goto done;
  memset (p, 0, n);
  printf ("zeroed %d\n", n);
done:
  free (p);
}

/* A cleanup variable of the function's scope, declared first: it still
   runs after the cleanup code.  */
static void noisy (int *p) { printf ("cleanup %d\n", *p); }
static int with_cleanup (int fail)
{
  int guard __attribute__ ((cleanup (noisy))) = 7;
  char *p = malloc (4);
  if (fail)
    goto out;
  printf ("work\n");
out:
  release (p, "p");
  return fail;
}

/* Gotos between the body's own statements: a forward one to `later`,
   a backward retry; each defer goes where none of them crosses it.  */
static int labels (int x)
{
  char *p = NULL;
  int r = 0, tries = 0;
  if (x)
    goto later;
again:
  tries++;
  p = malloc (4);
  if (!p)
    goto out;
  if (tries < 2)
    {
      free (p);
      p = NULL;
      goto again;
    }
later:
  r = tries;
out:
  if (p)
    release (p, "labels");
  return r;
}

int main (void)
{
  printf ("%d %d\n", count_words ("a b c"), count_words (NULL));
  char *j = join ("ab", "cd");
  printf ("%s\n", j);
  free (j);
  printf ("%d\n", locked_work (0));
  printf ("%d\n", locked_work (1));
  zero (4);
  printf ("unlocked %d\n", unlocked);
  printf ("%d\n", with_cleanup (1));
  printf ("%d %d\n", labels (0), labels (1));
  return 0;
}
//> release save
//> 3 -2
//> release y
//> release x
//> abcd
//> lock
//> work
//> release tmp
//> unlock
//> 0
//> lock
//> release tmp on error
//> unlock
//> -2
//> zeroed 4
//> unlocked 2
//> release p
//> cleanup 7
//> 1
//> release labels
//> 2 0
