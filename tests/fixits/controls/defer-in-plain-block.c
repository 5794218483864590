#include <stdio.h>
int main(void)
{
  {
    defer puts("block");
  }
  return 0;
}
