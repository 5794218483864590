#include <setjmp.h>
#include <stdio.h>
static jmp_buf env;
static void inner(int fail)
{
  defer puts("cleanup");
  if (fail)
    longjmp(env, 1);
}
int main(void)
{
  if (setjmp(env) == 0)
    inner(0);
  return 0;
}
