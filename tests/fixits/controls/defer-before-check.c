#include <stdio.h>
int main(void)
{
  FILE *f = fopen("input.txt", "r");
  defer fclose(f);
  if (!f)
    return 1;
  return 0;
}
