// TS 25755: the body of "do { ... } while (0)" is a block like any other,
// so a macro written in the usual do-while(0) style that contains a defer
// runs the deferred statement at the end of the macro, not at the end of
// the caller's block. (In model go this is different: there the defer
// belongs to the function body.)
// spec: 3.ts
// ts: 6.4p4
#include <stdio.h>

#define LOG_SECTION(name)             \
  do {                                \
    _Defer puts("leave " name);       \
    puts("enter " name);              \
  } while (0)

int main(void)
{
  {
    _Defer puts("block defer");
    LOG_SECTION("A");
    puts("between");
    LOG_SECTION("B");
  }
  return 0;
}
//> enter A
//> leave A
//> between
//> enter B
//> leave B
//> block defer
