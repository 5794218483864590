// TS 25755 (and C2y): a loop body without braces is still a block. With a
// defer statement as the whole body, each iteration registers the deferred
// statement and runs it at once when the body ends -- so the deferred
// increment is what makes the loop advance.
// spec: 3.ts
// ts: 6.3p1, 6.4 example 4
#include <stdio.h>

int main(void)
{
  int i = 0;
  while (i < 3)
    _Defer printf("i = %d\n", i++);
  printf("after while, i = %d\n", i);

  for (int j = 0; j < 2; j++)
    _Defer printf("for body j = %d\n", j);

  int k = 0;
  do
    _Defer k += 5;
  while (k < 12);
  printf("after do, k = %d\n", k);
  return 0;
}
//> i = 0
//> i = 1
//> i = 2
//> after while, i = 3
//> for body j = 0
//> for body j = 1
//> after do, k = 15
