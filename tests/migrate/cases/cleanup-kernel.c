// migrate: --rules=cleanup-attr
/* The Linux kernel's shape (include/linux/cleanup.h): __free(name) after
   the declarator, DEFINE_FREE making the cleanup function, no_free_ptr /
   return_ptr handing the pointer out (the variable becomes NULL, the
   cleanup function tests it).  */
#include <stdio.h>
#include <stdlib.h>

static void kfree (void *p) { printf ("kfree\n"); free (p); }
#define DEFINE_FREE(_name, _type, _free) \
  static inline void __free_##_name (void *p) { _type _T = *(_type *) p; _free; }
#define __free(_name) __attribute__ ((__cleanup__ (__free_##_name)))
#define no_free_ptr(p) ({ __auto_type __ptr = (p); (p) = NULL; __ptr; })
#define return_ptr(p) return no_free_ptr (p)

DEFINE_FREE (kfree, void *, if (_T) kfree (_T))

struct buf { int n; };

static struct buf *make (int n)
{
  struct buf *b __free (kfree) = malloc (sizeof *b);
  void *scratch __free (kfree) = malloc (16);
  if (!b || !scratch)
    return NULL;
  b->n = n;
  return_ptr (b);
}

int main (void)
{
  struct buf *b = make (3);
  printf ("%d\n", b->n);
  kfree (b);
  return 0;
}
//> kfree
//> 3
//> kfree
