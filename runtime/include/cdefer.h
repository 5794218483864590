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

/* ---- libcdefer (link with -lcdefer, or pkg-config cdefer-runtime;
   CMake: cdefer::cdefer).  See docs/runtime.md. ---- */
#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) || defined(__clang__)
#define CDEFER_NORETURN_ __attribute__ ((__noreturn__))
#define CDEFER_PRINTF_(f, a) __attribute__ ((__format__ (__printf__, f, a)))
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define CDEFER_NORETURN_ _Noreturn
#define CDEFER_PRINTF_(f, a)
#else
#define CDEFER_NORETURN_
#define CDEFER_PRINTF_(f, a)
#endif

/* Panic and protect (Go's panic/recover, shaped like Lua's pcall).
   cdefer_protect(fn, arg) calls fn(arg) and returns 0 when it returns, or
   non-zero when a cdefer_panic in it (in any function it calls, on this
   thread) unwound the stack back to it -- running every deferred body of
   every frame on the way, in LIFO order, in code compiled with
   -fexceptions (the plugin or --lowering=gnu).  cdefer_panic_value() is
   then the value of that panic.  A panic in a deferred body while a panic
   unwinds replaces the first one; a panic with no protect on its thread
   prints its value and a backtrace and aborts.  */
int cdefer_protect (void (*fn) (void *), void *arg);
CDEFER_NORETURN_ void cdefer_panic (void *value);
/* A panic whose value is a message (at most 255 bytes; a per-thread copy,
   valid until the next panic caught on this thread).  */
CDEFER_NORETURN_ void cdefer_panicf (const char *fmt, ...) CDEFER_PRINTF_ (1, 2);
/* The value of the last panic that a cdefer_protect of this thread
   stopped; NULL before the first.  */
void *cdefer_panic_value (void);

#ifdef __cplusplus
}
#endif

#endif /* CDEFER_H */
