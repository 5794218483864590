// defer-in-loop (positive): the do-while(0) exemption covers only that
// do-while itself.  A do-while(0) macro body inside a real `while` loop body
// (and a `switch` case inside a loop body) is still inside the loop, and the
// defer's scope (the function body) is outside the loop.
// spec: defer-in-loop
// rejects: line 17 (defer-in-loop)
// rejects: line 20 (defer-in-loop)
#include <stdio.h>

#define ON_EXIT(msg) do { defer puts(msg); } while (0)

int main(void)
{
  int n = 0;
  while (n < 2) {
    n++;
    ON_EXIT("bye"); // expect-error: defer-in-loop
    switch (n) {
    case 1:
      defer puts("one"); // expect-error: defer-in-loop
      break;
    }
  }
  return 0;
}
