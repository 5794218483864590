// migrate: --rules=cleanup-attr
#include <stdio.h>

static void done (int *p) { printf ("done %d\n", *p); }
#define AUTO __attribute__((cleanup(done)))
static void later (void) { printf ("later\n"); }
/* A macro that gives the attribute with the type and the name is
   migrated (the rest of its expansion stays); one that also gives
   another declaration is not.  */
#define AUTO_INT(name) __attribute__((cleanup(done))) int name
#define TWO_INTS int unused_int; AUTO_INT (second)

int main (int argc, char **argv)
{
  (void) argv;
  AUTO_INT (first) = 1;
  TWO_INTS = 2;
  (void) unused_int;
  /* a for-init declaration */
  for (AUTO int i = 0; i < 1; i++)
    printf ("loop\n");
  /* the block holds a defer of the function's scope */
  if (argc)
    {
      defer later ();
      AUTO int x = 5;
    }
  /* a jump past the declaration into its block */
  {
    if (argc > 5)
      goto skip;
    AUTO int y = 6;
  skip:
    printf ("skip\n");
  }
  return 0;
}
//> loop
//> done 1
//> done 5
//> skip
//> done 6
//> later
//> done 2
//> done 1
