// defer-before-check (positive): `defer (void)close(fd);` -- the usual way to
// discard close()'s result (SPEC section 2 names it as a defer) -- releases
// `fd` just as `defer close(fd);` does, and the failure test comes after it
// (SPEC section 4, defer-before-check).  The same for a stream.
// spec: defer-before-check
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

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

static int probe(const char *path)
{
  int fd = open(path, O_RDONLY);
  defer (void)close(fd); // expect-warning: defer-before-check
  if (fd < 0)
    return -1;
  return 1;
}

static int probe_stream(const char *path)
{
  FILE *f = fopen(path, "r");
  defer (void)fclose(f); // expect-warning: defer-before-check
  if (f == NULL)
    return -1;
  return 2;
}

int main(void)
{
  const char *in = make_input("abc");
  defer remove(in);
  printf("%d %d\n", probe(in), probe_stream(in));
  return 0;
}
//> 1 2
