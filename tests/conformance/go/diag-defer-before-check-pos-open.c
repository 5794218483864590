// defer-before-check (positive): a file descriptor acquired by open(),
// deferred to close() and then tested with `fd < 0` (and, in the second
// function, assigned later and tested with `== -1`): the error path would run
// close(-1) (SPEC section 4, defer-before-check).  The input file opens, so the
// program runs normally.
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
  defer close(fd); // expect-warning: defer-before-check
  if (fd < 0) {
    perror(path);
    return -1;
  }
  char c;
  return (int)read(fd, &c, 1);
}

static int probe_again(const char *path)
{
  int fd;
  fd = open(path, O_RDONLY);
  defer close(fd); // expect-warning: defer-before-check
  if (fd == -1)
    return -1;
  return 1;
}

int main(void)
{
  const char *in = make_input("abc");
  defer remove(in);
  printf("%d %d\n", probe(in), probe_again(in));
  return 0;
}
//> 1 1
