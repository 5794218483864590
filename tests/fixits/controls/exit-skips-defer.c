#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
  (void)argv;
  defer puts("cleanup");
  if (argc > 5)
    exit(1);
  return 0;
}
