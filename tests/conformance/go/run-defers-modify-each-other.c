// Deferred bodies that modify variables used by deferred bodies that run
// later (registered earlier): they run in LIFO order and see each other's
// effects.
// spec: 3.3, 3.5
#include <stdio.h>

int main(void)
{
  int x = 0;
  int log_len = 0;
  char trail[8];
  defer {
    trail[log_len] = '\0';
    printf("last: x=%d trail=%s\n", x, trail);
  }
  defer {
    x = x * 10;
    trail[log_len++] = 'b';
  }
  defer {
    x = x + 3;
    trail[log_len++] = 'a';
  }
  x = 1;
  printf("body: x=%d\n", x);
  return 0;
}
//> body: x=1
//> last: x=40 trail=ab
