/* SPDX-License-Identifier: MIT */
/* <stddefer.h> for cdefer's model ts (ISO/IEC TS 25755): the plain
   spelling `defer` for the `_Defer` keyword.  cdefer puts this directory on
   the include path in model ts (plugin: -fplugin-arg-cdefer-model=ts;
   front end: --model=ts); it is never installed into a compiler's own
   include directory.  */
#ifndef CDEFER_STDDEFER_H
#define CDEFER_STDDEFER_H

/* The version of this header that TS 25755 gives.  */
#define __STDC_VERSION_STDDEFER_H__ 202602L

#define defer _Defer

#endif
