// migrate: --rules=cleanup-attr
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* systemd's macros, as src/basic/macro.h and alloc-util.h write them */
#define _cleanup_(x) __attribute__((__cleanup__(x)))
static inline void freep (void *p) { free (*(void **) p); }
#define _cleanup_free_ _cleanup_(freep)
static inline void closep (int *fd) { if (*fd >= 0) { printf ("close\n"); close (*fd); } }
#define _cleanup_close_ _cleanup_(closep)
#define TAKE_PTR(ptr) ({ __typeof__(ptr) _ptr_ = (ptr); (ptr) = NULL; _ptr_; })
#define TAKE_FD(fd) ({ int _fd_ = (fd); (fd) = -1; _fd_; })

static char *dup_twice (const char *s)
{
  _cleanup_free_ char *a = strdup (s), *b = NULL;
  if (!a)
    return NULL;
  b = malloc (2 * strlen (a) + 1);
  if (!b)
    return NULL;
  strcpy (b, a);
  strcat (b, a);
  return TAKE_PTR (b);          /* b is NULL when freep runs */
}

static int open_null (void)
{
  _cleanup_close_ int fd = -1;
  fd = dup (1);
  if (fd < 0)
    return -1;
  return TAKE_FD (fd);
}

int main (void)
{
  _cleanup_free_ char *s = dup_twice ("ab");
  printf ("%s\n", s);
  for (int i = 0; i < 2; i++) {
    _cleanup_close_ int fd = open_null ();   /* closed each iteration */
    printf ("got %d\n", fd >= 0);
  }
  return 0;
}
//> abab
//> got 1
//> close
//> got 1
//> close
