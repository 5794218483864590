// defer-before-check (negative): the correct order -- test for failure, then
// defer the release (SPEC section 4, defer-before-check warns only when the
// test comes *after* the defer).  Also for open()/close() with `fd < 0`.
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

static int lines(const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  defer fclose(f);
  int n = 0, c;
  while ((c = fgetc(f)) != EOF)
    n += c == '\n';
  return n;
}

static int readable(const char *path)
{
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return 0;
  defer close(fd);
  return 1;
}

int main(void)
{
  const char *in = make_input("a\nb\n");
  defer remove(in);
  printf("%d %d\n", lines(in), readable(in));
  return 0;
}
//> 2 1
