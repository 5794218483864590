// defer-before-check (model ts): the test written `NULL == f` is the same
// test as `!f` (SPEC 4, defer-before-check, in both models): the stream is
// released by a deferred block and then tested for failure.  A warning: the
// input file opens, so the deferred fclose runs on a valid stream.  Issue
// 12: the front end gives no warning for this spelling (the plugin does).
// spec: defer-before-check
// ts: extension
#include <stddefer.h>
#include <stdio.h>

static const char *make_input(const char *text)
{
  FILE *w = fopen("input.txt", "w");
  if (w) {
    fputs(text, w);
    fclose(w);
  }
  return "input.txt";
}

static int count_bytes(const char *path)
{
  FILE *f = fopen(path, "r");
  defer fclose(f); // expect-warning: defer-before-check
  if (NULL == f)
    return -1;
  int n = 0;
  while (fgetc(f) != EOF)
    n++;
  return n;
}

int main(void)
{
  const char *in = make_input("abcd");
  defer remove(in);
  printf("%d\n", count_bytes(in));
  return 0;
}
//> 4
