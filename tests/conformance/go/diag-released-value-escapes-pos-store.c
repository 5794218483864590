// released-value-escapes (positive): a deferred body closes or frees a
// value that has been stored where it outlives the scope (a global, memory
// reached through a parameter) after the defer was registered (SPEC
// section 4, released-value-escapes: "stored where it outlives the
// scope").  Whoever reads the global later reads a closed stream.
// spec: released-value-escapes
#include <stdio.h>
#include <stdlib.h>

FILE *log_stream;

struct holder { char *data; };

void open_log(const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  defer fclose(f);
  log_stream = f; // expect-warning: released-value-escapes
}

void fill(struct holder *h, size_t n)
{
  char *data = calloc(n, 1);
  defer free(data);
  h->data = data; // expect-warning: released-value-escapes
}

int main(void)
{
  open_log("/nonexistent/cdefer/log");
  printf("%s\n", log_stream ? "open" : "none");
  return 0;
}
//> none
