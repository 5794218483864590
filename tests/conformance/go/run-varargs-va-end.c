// A realistic idiom: `va_start(ap, n); defer va_end(ap);` in a variadic
// function with several exits.
// spec: 3.3
#include <stdarg.h>
#include <stdio.h>

static int ended;

static void note_end(void)
{
  ended++;
}

static int sum_until_negative(int n, ...)
{
  va_list ap;
  int i, s = 0;
  va_start(ap, n);
  defer va_end(ap);
  defer note_end();
  for (i = 0; i < n; i++) {
    int v = va_arg(ap, int);
    if (v < 0)
      return -s;
    s += v;
  }
  return s;
}

int main(void)
{
  printf("%d\n", sum_until_negative(3, 1, 2, 3));
  printf("%d\n", sum_until_negative(4, 5, 6, -1, 7));
  printf("%d\n", sum_until_negative(0));
  printf("ended=%d\n", ended);
  return 0;
}
//> 6
//> -11
//> 0
//> ended=3
