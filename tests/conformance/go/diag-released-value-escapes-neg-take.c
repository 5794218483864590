// released-value-escapes (negative): the ways to hand a released value out
// that SPEC section 4 exempts ("Not when the pointer was reassigned or
// handed out with cdefer_take first"): `return cdefer_take(buf);` yields
// the pointer and sets buf to NULL, so the deferred free(buf) frees
// nothing; a copy returned after buf was set to NULL; a global that got
// the value, with buf set to NULL before the scope exits; `buf = NULL;
// return buf;` returns no released value at all.
// requires: libcdefer
// spec: released-value-escapes
#include <cdefer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *saved;

char *make(const char *s)
{
  char *buf = malloc(strlen(s) + 1);
  defer free(buf);
  if (!buf)
    return NULL;
  strcpy(buf, s);
  return cdefer_take(buf);
}

char *make_copy(const char *s)
{
  char *buf = malloc(strlen(s) + 1);
  defer free(buf);
  if (!buf)
    return NULL;
  strcpy(buf, s);
  char *out = buf;
  buf = NULL;
  return out;
}

void save(const char *s)
{
  char *buf = malloc(strlen(s) + 1);
  defer free(buf);
  if (!buf)
    return;
  strcpy(buf, s);
  saved = buf;
  buf = NULL;
}

char *nothing(void)
{
  char *buf = malloc(4);
  defer free(buf);
  buf = NULL;
  return buf;
}

int main(void)
{
  char *a = make("one"), *b = make_copy("two");
  save("three");
  printf("%s %s %s %s\n", a, b, saved, nothing() ? "?" : "null");
  free(a);
  free(b);
  free(saved);
  return 0;
}
//> one two three null
