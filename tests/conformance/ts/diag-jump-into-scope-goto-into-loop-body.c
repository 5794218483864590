// jump-into-scope (model ts): a goto from outside a loop to a label in the
// loop body after a defer enters the body block past the defer.
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 9)
    goto resume; // expect-error: jump-into-scope
  for (int i = 0; i < 2; i++) {
    _Defer printf("end %d\n", i);
  resume:
    printf("body %d\n", i);
  }
  return 0;
}
