// defer-before-check (negative): the first test of the resource after the
// defer is not a failure check (`if (f)`, `if (fd > 2)`), so the rule does
// not apply (SPEC section 4, defer-before-check is about "*then* tested for
// failure"; a later failure test after a non-failure one is not looked at).
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

static int f1(const char *path)
{
  FILE *f = fopen(path, "r");
  defer if (f) fclose(f);
  if (f)
    puts("opened");
  return f ? 0 : -1;
}

static int f2(const char *path)
{
  int fd = open(path, O_RDONLY);
  defer close(fd);
  if (fd > 2)
    puts("fd above 2");
  if (fd < 0)
    return -1;
  return 0;
}

int main(void)
{
  const char *in = make_input("abc");
  defer remove(in);
  return f1(in) + f2(in);
}
//> opened
//> fd above 2
