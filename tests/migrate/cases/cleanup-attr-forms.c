// migrate: --rules=cleanup-attr
#include <stdio.h>
#include <stdlib.h>

static void done (int *p) { printf ("done %d\n", *p); }
static void strfree (char **p) { printf ("free %s\n", *p ? *p : "(null)"); free (*p); }

/* GLib's shape: g_autoptr(T) expands to the attribute and a type */
typedef char *str_autoptr;
static void glib_autoptr_cleanup_str (str_autoptr *p) { strfree (p); }
#define my_autoptr(T) __attribute__((cleanup(glib_autoptr_cleanup_##T))) T##_autoptr
#define my_steal(pp) ({ __typeof__(*(pp)) _p = *(pp); *(pp) = NULL; _p; })

static char *keep (void)
{
  my_autoptr (str) s = malloc (4);
  s[0] = 'o', s[1] = 'k', s[2] = 0;
  return my_steal (&s);
}

int main (void)
{
  int a __attribute__((cleanup(done))) = 1;
  __attribute__((unused, cleanup(done))) int b = 2;
  int c __attribute__ ((__cleanup__ (done), unused)) = 3;
  {
    int d __attribute__((cleanup(done))) = 4;   /* a bare block */
    printf ("inner\n");
  }
  char *k = keep ();
  printf ("%s %d %d %d\n", k, a, b, c);
  free (k);
  if (a)
    {
      my_autoptr (str) t = NULL;
    }
  return 0;
}
//> inner
//> done 4
//> free (null)
//> ok 1 2 3
//> free (null)
//> done 3
//> done 2
//> done 1
