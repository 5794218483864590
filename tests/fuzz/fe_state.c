/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fe_state.c - linked into the fuzzing build of the front end (a shared
   library): where that library's coverage counters are, so that
   fuzz_frontend.c can restore all its other writable data between inputs
   and leave the counters to libFuzzer.  The linker defines the
   __start_/__stop_ symbols of the section in each shared object.  */

extern char __start___sancov_cntrs[] __attribute__ ((weak, visibility ("hidden")));
extern char __stop___sancov_cntrs[] __attribute__ ((weak, visibility ("hidden")));

void cdefer_fuzz_counters (char **begin, char **end);

void
cdefer_fuzz_counters (char **begin, char **end)
{
  *begin = __start___sancov_cntrs;
  *end = __stop___sancov_cntrs;
}

/* The fuzzing build is linked with --wrap=atexit,--wrap=signal,
   --wrap=sigaction: the front end's main registers an exit handler and
   catches SIGINT & co. to remove its temporary files.  Called once per
   input in one process, that would pile up exit handlers (allocated
   during a run, so freed as its leftovers) and take SIGINT from libFuzzer.
   The fuzzer makes no temporary files (--preprocessed, -o /dev/null), so
   here these are no-ops that still answer queries.  */
#include <signal.h>
#include <stddef.h>

int __real_sigaction (int sig, const struct sigaction *act, struct sigaction *old);
int __wrap_atexit (void (*fn) (void));
__sighandler_t __wrap_signal (int sig, __sighandler_t handler);
int __wrap_sigaction (int sig, const struct sigaction *act, struct sigaction *old);

int
__wrap_atexit (void (*fn) (void))
{
  (void) fn;
  return 0;
}

__sighandler_t
__wrap_signal (int sig, __sighandler_t handler)
{
  (void) handler;
  struct sigaction old;
  if (__real_sigaction (sig, NULL, &old) != 0)
    return SIG_ERR;
  return old.sa_handler;
}

int
__wrap_sigaction (int sig, const struct sigaction *act, struct sigaction *old)
{
  (void) act;
  return __real_sigaction (sig, NULL, old);
}
