/* SPDX-License-Identifier: MIT */
/* panic.c - cdefer_panic and cdefer_protect: Go's panic and recover,
   shaped for C like Lua's pcall.

   A panic is a forced unwind (the unwinder's _Unwind_ForcedUnwind, as
   pthread_exit and thread cancellation use): the unwinder walks the stack
   from the panic outward and runs every cleanup on the way -- deferred
   bodies are GCC cleanups (TRY_FINALLY in the plugin, cleanup attributes
   in the gnu lowering), so they run, innermost frame first, each frame's
   bodies last registered first.  Our stop function looks at each frame
   before its cleanups run; at the first frame that is outside the
   innermost cdefer_protect, it longjmps back into that protect, which
   returns 1.  The frames in between have all been cleaned up by then.

   Where the boundary is: the stop function gets a context whose CFA is
   the stack pointer of the frame at its call (libgcc's context for frame
   X holds the CFA of X's callee).  A frame called by cdefer_protect, or
   deeper, has a stack pointer below every local of cdefer_protect; the
   caller of cdefer_protect has one above them.  So "the context's CFA is
   above the protect record (a local of cdefer_protect)" means the unwind
   has left the protected call.  Stacks grow down on every target GCC
   unwinds with DWARF on Linux.

   State is per thread: a panic never leaves its thread.  The exception
   object lives in the protect record, which is alive (in cdefer_protect's
   frame) for as long as the unwind to it runs: a protect called inside a
   deferred body while another panic unwinds has its own object, so the
   outer unwind resumes intact after the inner one was stopped.  */

#define _GNU_SOURCE
/* The library is built with hidden visibility: its API is what cdefer.h
   declares.  */
#pragma GCC visibility push(default)
#include <cdefer.h>
#pragma GCC visibility pop

#include <execinfo.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unwind.h>

/* "CDFR" "PANC": our exception class, so foreign runtimes (C++) can tell
   the exception is not theirs.  */
#define PANIC_CLASS 0x4344465250414e43ULL

enum { MESSAGE_SIZE = 256 };

struct protect
{
  struct _Unwind_Exception exc;	/* the unwind in flight to this protect */
  jmp_buf env;
  struct protect *prev;		/* the next protect out, or NULL */
  void *value;			/* the value of the panic caught here */
  char message[MESSAGE_SIZE];	/* cdefer_panicf's text */
};

struct thread_panic
{
  struct protect *top;		/* innermost active protect */
  void *recovered;		/* what cdefer_panic_value returns */
  char recovered_message[MESSAGE_SIZE];
  char unprotected_message[MESSAGE_SIZE];
};

static _Thread_local struct thread_panic panic_state;

int
cdefer_protect (void (*fn) (void *), void *arg)
{
  struct protect p;
  p.prev = panic_state.top;
  panic_state.top = &p;
  if (setjmp (p.env))
    return 1;
  fn (arg);
  panic_state.top = p.prev;
  return 0;
}

void *
cdefer_panic_value (void)
{
  return panic_state.recovered;
}

/* Called by a foreign runtime that caught the panic and ended it (C++
   `catch (...)` without a rethrow): the panic is over, nothing to free.  */
static void
panic_cleanup (_Unwind_Reason_Code code, struct _Unwind_Exception *exc)
{
  (void) code;
  (void) exc;
}

static _Noreturn void
land (struct protect *p)
{
  panic_state.top = p->prev;
  if (p->value == p->message)
    {
      memcpy (panic_state.recovered_message, p->message, MESSAGE_SIZE);
      panic_state.recovered = panic_state.recovered_message;
    }
  else
    panic_state.recovered = p->value;
  longjmp (p->env, 1);
}

static _Unwind_Reason_Code
stop_at_protect (int version, _Unwind_Action actions,
		 _Unwind_Exception_Class exc_class,
		 struct _Unwind_Exception *exc,
		 struct _Unwind_Context *context, void *param)
{
  struct protect *p = param;
  (void) version;
  (void) exc_class;
  (void) exc;
  if ((actions & _UA_END_OF_STACK)
      || (uintptr_t) _Unwind_GetCFA (context) > (uintptr_t) p)
    land (p);
  return _URC_NO_REASON;
}

static void
write_all (const char *s, size_t n)
{
  while (n)
    {
      ssize_t w = write (2, s, n);
      if (w <= 0)
	return;
      s += w;
      n -= (size_t) w;
    }
}

/* No protect on this thread: say what the panic was and where, and
   abort without unwinding (the backtrace shows the panic's own stack).  */
static _Noreturn void
die_unprotected (void *value, const char *message)
{
  char line[MESSAGE_SIZE + 128];
  int n;
  if (message)
    n = snprintf (line, sizeof line, "cdefer: panic: %s\n", message);
  else
    n = snprintf (line, sizeof line, "cdefer: panic: value %p\n", value);
  if (n > (int) sizeof line - 1)
    n = sizeof line - 1;
  write_all (line, (size_t) n);
  static const char no_protect[] =
    "cdefer: no cdefer_protect on this thread; backtrace:\n";
  write_all (no_protect, sizeof no_protect - 1);
  void *frames[64];
  int depth = backtrace (frames, 64);
  backtrace_symbols_fd (frames, depth, 2);
  abort ();
}

static _Noreturn void
unwind_to (struct protect *p)
{
  memset (&p->exc, 0, sizeof p->exc);
  p->exc.exception_class = PANIC_CLASS;
  p->exc.exception_cleanup = panic_cleanup;
  _Unwind_ForcedUnwind (&p->exc, stop_at_protect, p);
  /* Only on failure: no unwind information on the way.  */
  static const char failed[] =
    "cdefer: panic: the stack cannot be unwound (no unwind tables?)\n";
  write_all (failed, sizeof failed - 1);
  abort ();
}

void
cdefer_panic (void *value)
{
  struct protect *p = panic_state.top;
  if (!p)
    die_unprotected (value, NULL);
  p->value = value;
  unwind_to (p);
}

void
cdefer_panicf (const char *fmt, ...)
{
  struct protect *p = panic_state.top;
  char *buf = p ? p->message : panic_state.unprotected_message;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, MESSAGE_SIZE, fmt, ap);
  va_end (ap);
  if (!p)
    die_unprotected (buf, buf);
  p->value = p->message;
  unwind_to (p);
}
