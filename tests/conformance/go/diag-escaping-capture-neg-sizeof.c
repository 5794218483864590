// escaping-capture (negative): operands of `sizeof` and `typeof` are not
// evaluated, so naming a dead variable there is no use.  `arr` and `d` are
// declared in an `if` block (nested inside the function body), and the
// deferred bodies run after it ends, but only mention them in sizeof/typeof.
// spec: escaping-capture
#include <stdio.h>

int main(void)
{
  int n = 1;
  if (n) {
    int arr[10];
    double d = 0.5;
    arr[0] = 0;
    defer printf("%zu\n", sizeof arr);
    defer { __typeof__(d) half = 1.5; printf("%.1f %zu\n", half, sizeof(d)); }
    (void)arr;
    (void)d;
  }
  puts("end");
  return 0;
}
//> end
//> 1.5 8
//> 40
