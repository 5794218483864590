// TS 25755: <stddefer.h> defines __STDC_VERSION_STDDEFER_H__ as 202602L.
// Checked at preprocessing time (the macro is an integer constant usable
// in #if) and at run time.
// spec: 3.ts
// ts: 7.2p1
#include <stddefer.h>
#include <stdio.h>

#ifndef __STDC_VERSION_STDDEFER_H__
#error "__STDC_VERSION_STDDEFER_H__ is not defined"
#endif
#if __STDC_VERSION_STDDEFER_H__ != 202602L
#error "__STDC_VERSION_STDDEFER_H__ is not 202602L"
#endif

int main(void)
{
  printf("%ld\n", (long)__STDC_VERSION_STDDEFER_H__);
  return 0;
}
//> 202602
