// TS 25755: many defers across nested blocks and a loop, numbered by a
// counter at run time, so that the whole sequence of registrations and
// runs is visible: each block releases exactly its own registrations,
// newest first.
// spec: 3.ts, 3.3
// ts: 6.4p5
#include <stdio.h>

static int seq;

#define TRACKED(tag)                                   \
  int tag = ++seq;                                     \
  printf("register %s#%d\n", #tag, tag);               \
  _Defer printf("run %s#%d\n", #tag, tag)

int main(void)
{
  {
    TRACKED(a);
    TRACKED(b);
    for (int i = 0; i < 2; i++) {
      TRACKED(c);
      {
        TRACKED(d);
        TRACKED(e);
      }
    }
    TRACKED(f);
  }
  puts("end");
  return 0;
}
//> register a#1
//> register b#2
//> register c#3
//> register d#4
//> register e#5
//> run e#5
//> run d#4
//> run c#3
//> register c#6
//> register d#7
//> register e#8
//> run e#8
//> run d#7
//> run c#6
//> register f#9
//> run f#9
//> run b#2
//> run a#1
//> end
