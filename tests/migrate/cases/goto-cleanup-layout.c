// migrate: --rules=goto-cleanup
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void release (char *p, const char *what) { printf ("release %s\n", what); free (p); }
static void finish (const char *what, int ok) { printf ("finish %s %d\n", what, ok); }

/* As in dconf's writer: the defers go before the statement after the
   acquisitions, and so before the comment that introduces it; the blank
   lines between the cleanup statements go with them.  */
static int handle_change (const char *what, int fail)
{
  char *tag;
  char *copy;
  int ok = 0;

  tag = strdup ("tag");
  copy = strdup (what);

  /* Don't bother with failures...
     (a comment of two lines) */
  // and a line comment
  if (!fail)
    {
      if (strlen (copy) > 3)
        goto out;
      ok = 1;
    }

out:
  release (copy, "copy");

  release (tag, "tag");

  finish (what, ok);

  return ok;
}

/* A comment after code on the line above stays where it is, and so does
   a comment separated by a blank line.  */
static int first_statement (char *p)
{
  int r = 0;  /* the result */
  /* check */

  if (!p)
    goto done;
  r = 1;
done:
  release (p, "p");
  return r;
}

/* The first statement of the body, with its comment.  */
static int at_start (char *p)
{
  /* nothing to do without p */
  if (!p)
    goto done;
  printf ("have p\n");
done:
  release (p, "p");
  return 0;
}

int main (void)
{
  printf ("%d\n", handle_change ("a", 0));
  printf ("%d\n", handle_change ("b", 1));
  printf ("%d\n", first_statement (strdup ("x")));
  printf ("%d\n", at_start (strdup ("y")));
  return 0;
}
//> release copy
//> release tag
//> finish a 1
//> 1
//> release copy
//> release tag
//> finish b 0
//> 0
//> release p
//> 1
//> have p
//> release p
//> 0
