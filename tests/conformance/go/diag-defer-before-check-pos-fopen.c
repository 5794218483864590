// defer-before-check (positive): the stream is deferred for release and
// *then* tested for failure, so the error path would run fclose(NULL) (SPEC
// section 4, defer-before-check).  A warning: the program still compiles and
// runs; the input file opens, so the deferred fclose runs on a valid stream.
// spec: defer-before-check
#include <stdio.h>

/* The runner starts the program in a fresh directory: make the input there
   (not /dev/null, whose nature the program cannot rely on).  */
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
  if (!f)
    return -1;
  int n = 0;
  while (fgetc(f) != EOF)
    n++;
  return n;
}

int main(void)
{
  const char *in = make_input("abc");
  defer remove(in);
  printf("%d\n", count_bytes(in));
  return 0;
}
//> 3
