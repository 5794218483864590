#include <stdio.h>
#include <stdlib.h>
static char *kept(void)
{
  char *p = malloc(4);
  defer free(p);
  return p;
}
int main(void)
{
  puts(kept() ? "body" : "body");
  return 0;
}
