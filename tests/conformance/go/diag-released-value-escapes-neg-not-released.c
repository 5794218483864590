// released-value-escapes (negative): the deferred bodies here do not release
// the value that leaves: a call that only uses it (puts, not in the release
// table), a release of another variable, a release in a defer that is not
// registered on the path of the return (inside an if), and a return before
// the defer (SPEC section 4: "a value that a deferred body of the same
// scope releases ... after the defer is registered").
// spec: released-value-escapes
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *show(char *s)
{
  defer puts(s);
  return s;
}

char *pick(int n)
{
  char *keep = malloc(8), *tmp = malloc(8);
  defer free(tmp);
  if (keep)
    strcpy(keep, n ? "yes" : "no");
  return keep;
}

char *maybe(int own)
{
  char *buf = malloc(8);
  if (own)
    {
      defer free(buf);
      return NULL;
    }
  return buf;
}

char *early(void)
{
  char *buf = malloc(8);
  if (buf)
    return buf;
  defer free(buf);
  return NULL;
}

int main(void)
{
  char text[] = "text";
  char *p = pick(1), *m = maybe(0), *e = early();
  show(text);
  printf("%s %s %s\n", p, m ? "m" : "-", e ? "e" : "-");
  free(p);
  free(m);
  free(e);
  return 0;
}
//> text
//> yes m e
