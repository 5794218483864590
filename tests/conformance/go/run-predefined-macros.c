// __CDEFER__ (the version number, 100 for 0.1.0) and __CDEFER_MODEL_GO__
// are predefined when cdefer is active in model go (the default).
// spec: 2
#include <stdio.h>

#ifndef __CDEFER__
#error "__CDEFER__ is not defined"
#endif

int main(void)
{
#if __CDEFER__ >= 100
  puts("__CDEFER__ >= 100");
#else
  puts("__CDEFER__ too small");
#endif
#if defined(__CDEFER_MODEL_GO__)
  puts("__CDEFER_MODEL_GO__ defined");
#endif
#if defined(__CDEFER_MODEL_TS__)
  puts("__CDEFER_MODEL_TS__ defined (wrong)");
#endif
  return 0;
}
//> __CDEFER__ >= 100
//> __CDEFER_MODEL_GO__ defined
