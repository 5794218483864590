// escaping-capture (negative, model ts): a deferred block can only use
// variables visible at the defer, and in model ts it runs at the end of
// the innermost block containing the defer -- before any of those
// variables die. Variables of an if-block, a loop body and a switch body
// are all fine (in model go these would be escaping-capture errors).
// spec: 3.ts, escaping-capture
// ts: 6.4p4
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  if (argc > 0) {
    int tmp = 5;
    _Defer printf("if-block tmp = %d\n", tmp);
    tmp++;
  }
  for (int i = 0; i < 2; i++) {
    char label[8];
    snprintf(label, sizeof label, "it%d", i);
    _Defer printf("loop-body label = %s\n", label);
  }
  switch (argc) {
  default: {
    int code = 7;
    _Defer printf("switch code = %d\n", code);
  }
  }
  return 0;
}
//> if-block tmp = 6
//> loop-body label = it0
//> loop-body label = it1
//> switch code = 7
