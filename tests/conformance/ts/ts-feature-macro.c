// TS 25755: an implementation that provides defer predefines
// __STDC_DEFER_TS25755__ (no header needed). Its value is 1 when only
// _Defer is offered and 2 when defer is a keyword; cdefer defines 2, Clang
// 1 -- so this case checks only that it is defined and positive.
// spec: 3.ts
// ts: 6.5p1
#include <stdio.h>

int main(void)
{
#if defined(__STDC_DEFER_TS25755__) && __STDC_DEFER_TS25755__ >= 1
  puts("__STDC_DEFER_TS25755__ defined");
#else
  puts("__STDC_DEFER_TS25755__ missing");
#endif
  return 0;
}
//> __STDC_DEFER_TS25755__ defined
