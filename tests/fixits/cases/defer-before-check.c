// fixit-id: defer-before-check
// expect-fixits: 4
// Resources deferred before their failure test: the fix-it moves the defer
// statement (a whole line) to the line after the `if` that checks.  The check
// here has a compound body spanning lines (fopen) and a one-line body (open).
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int first_byte(const char *path)
{
  FILE *f = fopen(path, "r");
  defer fclose(f);
  if (!f) {
    puts("cannot open");
    return -1;
  }
  return fgetc(f);
}

static int readable(const char *path)
{
  int fd = open(path, O_RDONLY);
  defer close(fd);
  if (fd < 0) return 0;
  return 1;
}

int main(void)
{
  FILE *w = fopen("input.txt", "w");
  if (!w)
    return 1;
  fputs("A", w);
  fclose(w);
  printf("%c %d\n", first_byte("input.txt"), readable("input.txt"));
  printf("%d %d\n", first_byte("missing.txt"), readable("missing.txt"));
  remove("input.txt");
  return 0;
}
//> A 1
//> cannot open
//> -1 0
