// Deferred bodies see variables as they are when the body runs (by
// reference), not as they were when the defer was registered: locals,
// parameters, arrays, struct members and pointer targets.
// spec: 3.5
#include <stdio.h>

struct state {
  int count;
  const char *name;
};

static void f(int param)
{
  int x = 1;
  int arr[3] = { 1, 2, 3 };
  struct state st = { 0, "initial" };
  int *p = &arr[0];
  defer printf("x=%d param=%d arr={%d,%d,%d} st={%d,%s} *p=%d\n", x, param, arr[0], arr[1],
               arr[2], st.count, st.name, *p);
  x = 2;
  param += 100;
  arr[1] = 20;
  st.count = 7;
  st.name = "final";
  p = &arr[2];
  arr[2] = 30;
  puts("body done");
}

int main(void)
{
  f(5);
  return 0;
}
//> body done
//> x=2 param=105 arr={1,20,30} st={7,final} *p=30
