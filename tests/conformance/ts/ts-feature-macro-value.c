// SPEC 3 (model ts): cdefer predefines __STDC_DEFER_TS25755__ as 2 (the TS
// value for an implementation where defer is a keyword), also after
// including <stddefer.h>.
// clang-differs: value (Clang offers only _Defer and defines 1)
// spec: 3.ts
// ts: 6.5p1
#include <stddefer.h>
#include <stdio.h>

int main(void)
{
  printf("__STDC_DEFER_TS25755__ = %d\n", (int)__STDC_DEFER_TS25755__);
  return 0;
}
//> __STDC_DEFER_TS25755__ = 2
