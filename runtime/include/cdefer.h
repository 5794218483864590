/* SPDX-License-Identifier: MIT */
/* cdefer.h - helpers for code that uses cdefer's defer and scope.  */
#ifndef CDEFER_H
#define CDEFER_H

/* cdefer_take(p): yields the value of the pointer lvalue P and sets P to
   NULL, to hand ownership out of a function whose deferred body frees P:

     char *buf = malloc(n);
     defer free(buf);
     ...
     return cdefer_take(buf);   // the caller owns buf; free(NULL) is a no-op
*/
#if defined(__GNUC__) || defined(__clang__) || defined(__TINYC__)
#define cdefer_take(p) \
  __extension__ ({ __typeof__(p) cdefer_take_tmp_ = (p); (p) = 0; cdefer_take_tmp_; })
#else
static inline void *cdefer_take_ptr_(void **pp) { void *p = *pp; *pp = 0; return p; }
#define cdefer_take(p) cdefer_take_ptr_((void **)&(p))
#endif

#endif /* CDEFER_H */
