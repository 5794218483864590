// Model ts: a plain block is a defer scope however its line is preceded --
// here by #endif, by #pragma and by _Pragma (spelled directly, and through
// a macro; tcc knows no _Pragma, so there the macro is empty). Each
// block's deferred block runs when that block ends, before the statement
// after it.
// spec: 3.ts
// ts: 6.3p1, 6.4p4
#include <stdio.h>

#ifdef __TINYC__
#define PUSH
#define POP
#else
#define PUSH _Pragma("GCC diagnostic push")
#define POP _Pragma("GCC diagnostic pop")
#endif

int main(void)
{
#if 1
  { _Defer puts("d1"); puts("in1"); }
#endif
  puts("after1");
#pragma GCC diagnostic push
  { _Defer puts("d2"); }
  puts("after2");
#pragma GCC diagnostic pop
  PUSH
  { _Defer puts("d3"); }
  puts("after3");
  POP
  return 0;
}
//> in1
//> d1
//> after1
//> d2
//> after2
//> d3
//> after3
