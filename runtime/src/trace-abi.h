/* SPDX-License-Identifier: MIT */
/* trace-abi.h - what code compiled in trace mode calls: the interface
   between the emitters (plugin/lower.cc, frontend/lower.c) and the
   runtime.  The emitters do not include this file: they build the same
   declarations and records themselves, so keep them in step.

   Per defer statement, one static, writable site record:

     static struct { const char *file, *function; unsigned line, column,
                     id, reserved; } site = { "f.c", "fn", 12, 5, 0, 0 };

   and per defer a local `unsigned long long t`:

     where the defer registers:   t = __cdefer_trace_register (&site);
     where its body runs:         t = __cdefer_trace_enter (&site, t);
                                  BODY
                                  __cdefer_trace_leave (&site, t);

   file is the presumed file name (#line markers honoured), line and
   column those of the `defer` keyword (column 1-based, in bytes), function
   the name of the function the defer is in.  id belongs to the runtime
   (0 until it first sees the site).  */
#ifndef CDEFER_TRACE_ABI_H
#define CDEFER_TRACE_ABI_H

struct cdefer_trace_site
{
  const char *file;
  const char *function;
  unsigned line, column;
  unsigned id;
  unsigned reserved;
};

unsigned long long __cdefer_trace_register (void *site);
unsigned long long __cdefer_trace_enter (void *site,
					 unsigned long long registered_at);
void __cdefer_trace_leave (void *site, unsigned long long started_at);

#endif
