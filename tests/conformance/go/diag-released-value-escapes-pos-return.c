// released-value-escapes (positive): the deferred body frees `buf` when the
// function returns, and the function returns `buf`: the caller gets freed
// memory (SPEC section 4, released-value-escapes: "a value that a deferred
// body of the same scope releases ... is returned").  Reassigning `buf`
// before the return does not help: the deferred body frees whatever `buf`
// holds when the scope exits, which is what is returned.  The fix is
// `return cdefer_take(buf);`.  main only calls the functions on a path that
// does not reach the returns, so the program itself is well defined.
// spec: released-value-escapes
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *dup_string(const char *s)
{
  char *buf = malloc(strlen(s) + 1);
  if (!buf)
    return NULL;
  defer free(buf);
  strcpy(buf, s);
  return buf; // expect-warning: released-value-escapes
}

char *grow(const char *s, int twice)
{
  char *buf = malloc(strlen(s) + 1);
  defer free(buf);
  if (!buf || !s[0])
    return NULL;
  strcpy(buf, s);
  if (twice)
    {
      char *bigger = realloc(buf, 2 * strlen(s) + 1);
      if (!bigger)
        return NULL;
      buf = bigger;
      strcat(buf, s);
    }
  return (buf); // expect-warning: released-value-escapes
}

int main(int argc, char **argv)
{
  (void) argv;
  if (argc > 100)
    puts(dup_string("never"));
  printf("%s\n", grow("", 1) ? "?" : "empty");
  return 0;
}
//> empty
