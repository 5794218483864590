// fixit-id: released-value-escapes
// expect-fixits: 4
// A pointer that a deferred body frees is returned: the fix-it wraps the
// returned name in cdefer_take(...), which hands the pointer out and leaves
// NULL behind for the deferred free().  Also with the name in parentheses.
#include <cdefer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *copy(const char *s)
{
  char *buf = malloc(strlen(s) + 1);
  defer free(buf);
  if (!buf)
    return NULL;
  strcpy(buf, s);
  return buf;
}

static char *twice(const char *s)
{
  char *buf = malloc(2 * strlen(s) + 1);
  defer free(buf);
  if (!buf)
    return NULL;
  strcpy(buf, s);
  strcat(buf, s);
  return (buf);
}

int main(void)
{
  char *a = copy("ab"), *b = twice("cd");
  printf("%s %s\n", a, b);
  free(a);
  free(b);
  return 0;
}
//> ab cdcd
