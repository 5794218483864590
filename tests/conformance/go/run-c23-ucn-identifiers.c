// Universal character names in identifiers (\u00e9, \U000000e9) name the
// same identifier as the character written in UTF-8 (C99 6.4.3, C23), in
// a function that uses defer and in its deferred bodies.
// requires: ucn-identifiers
// spec: 2
#include <stdio.h>

int main(void)
{
  int caf\u00e9 = 1;
  defer printf("deferred: %d\n", café);
  defer caf\U000000e9 += 100;
  café = 2;
  printf("body: %d\n", caf\u00e9);
  return 0;
}
//> body: 2
//> deferred: 102
