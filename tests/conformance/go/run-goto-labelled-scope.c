// A goto back to the label of the scope statement itself (the label is
// outside the scope body) leaves the scope and enters it again: the
// deferred bodies of each entry run once, before the jump; the function's
// own defer runs once at the end.
// spec: 3.3
#include <stdio.h>

int main(void)
{
  int round = 0;
  defer printf("function deferred after %d rounds\n", round);
again:
  scope {
    round++;
    defer printf(" round %d deferred\n", round);
    if (round < 3)
      goto again;
    printf(" last round %d\n", round);
  }
  return 0;
}
//>  round 1 deferred
//>  round 2 deferred
//>  last round 3
//>  round 3 deferred
//> function deferred after 3 rounds
