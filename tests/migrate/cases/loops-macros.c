// migrate: --rules=loops
/* Where the edits land when macros stand around them (srcmap.c): a loop
   head from a macro, a '{' that is the first token of a macro's
   expansion, a function-like macro in the head, a head over several
   lines, a self-named macro, code under #if 0.  */
#include <stdio.h>
#define N 3
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define LOOP(i) for (int i = 0; i < N; i++)
#define BODY_BEGIN {
#define puts puts

static void f (int i) { printf ("f %d\n", i); }

int main (void)
{
#if 0
  for (;;) { defer f (0); }
#endif
  LOOP (i) {
    defer f (i);
  }
  for (int i = 0;
       i < N;
       i++) { defer f (i); puts ("x"); }
  for (int i = 0; i < N; i++) BODY_BEGIN defer f (i); }
  for (int i = 0; i < MAX (1, 2); i++)
    defer f (i);
  return 0;
}
//> f 0
//> f 1
//> f 2
//> x
//> f 0
//> x
//> f 1
//> x
//> f 2
//> f 0
//> f 1
//> f 2
//> f 0
//> f 1
