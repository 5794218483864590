// empty-defer (warning, model ts): "_Defer ;" and "_Defer {}" defer
// nothing -- almost always a mistake. A warning at the defer keyword; the
// program compiles and runs normally.
// spec: empty-defer
// ts: 6.4p1
#include <stdio.h>

int main(void)
{
  {
    _Defer ; // expect-warning: empty-defer
    _Defer {} // expect-warning: empty-defer
    puts("body");
  }
  puts("end");
  return 0;
}
//> body
//> end
