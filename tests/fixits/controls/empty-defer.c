#include <stdio.h>
int main(void)
{
  defer {}
  puts("body");
  return 0;
}
