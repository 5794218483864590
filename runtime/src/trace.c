/* SPDX-License-Identifier: MIT */
/* trace.c - trace mode: counts and times every registration and run of
   a deferred body, per defer site, and reports at exit.

   Code compiled with trace on (-fplugin-arg-cdefer-trace, cdefer lower
   --trace) calls the three hooks of trace-abi.h.  The hot path touches
   only this thread's counters (a plain array indexed by the site's
   number) and one shared gauge per site (an atomic add) for the pending
   count across threads; it takes no lock and allocates nothing.  The
   slow paths -- the first time a site is seen anywhere, the first time a
   thread sees a site beyond its array -- take a mutex and may allocate.

   A thread's counters are merged into the site table when the thread
   exits (a pthread key destructor), and with those of the threads still
   running when the process exits (a destructor), which then reports:
   CDEFER_TRACE=1 prints a table on stderr, CDEFER_TRACE=PATH writes JSON
   to PATH (%p in it becomes the process id).  Unset, empty or 0: the
   hooks return at once and nothing is reported.

   Not async-signal-safe: a deferred body run in a signal handler may
   reach a slow path (malloc, a mutex), and the per-thread counters are
   updated without atomics, so an interrupted update can be lost.  */

#define _GNU_SOURCE
#include "trace-abi.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXPORT __attribute__ ((visibility ("default")))
#define UNLIKELY(x) __builtin_expect (!!(x), 0)

/* What a thread counts per site.  Times are in ticks (see now_ticks)
   until the report converts them.  */
struct counters
{
  uint64_t registered, ran;
  int64_t pending;		/* registered, not yet run, on this thread */
  int64_t max_pending;		/* the most at once on this thread */
  uint64_t total_ns, max_ns;	/* time in the body */
  uint64_t max_held_ns;		/* registration to run */
};

/* A site as the process sees it.  */
struct site_entry
{
  struct cdefer_trace_site *site;
  int64_t pending;		/* on all threads now (atomic) */
  int64_t max_pending;		/* the most at once on all threads (atomic) */
  struct counters merged;	/* exited threads (under table_lock) */
};

enum { CHUNK = 256, MAX_CHUNKS = 4096, SITE_OVERFLOW = UINT_MAX };

/* Site number N (from 1) is chunks[N / CHUNK][N % CHUNK]; chunks never
   move, so the hot path reads them without the lock.  */
static struct site_entry *chunks[MAX_CHUNKS];
static unsigned nsites;

struct thread_trace
{
  struct counters *c;		/* indexed by site number */
  unsigned cap;
  struct thread_trace *next, *prev;
};

/* initial-exec: one instruction to reach it, also in libcdefer.so (8
   bytes of static TLS; the library is linked, not dlopen'ed).  */
static _Thread_local struct thread_trace *self
  __attribute__ ((tls_model ("initial-exec")));
static struct thread_trace *live_threads;
static unsigned long nthreads;	/* every thread that ever traced */
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t exit_key;
static int enabled;		/* CDEFER_TRACE was set at start-up */

/* ---- time ---- */

static inline uint64_t
mono_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

/* Three timestamps per traced defer: the clock is most of the cost.  Where
   the kernel keeps its own clock with the x86 time-stamp counter (so the
   counter is constant-rate and synchronized across CPUs), read the counter
   (a few ns) and convert ticks to ns at the report, with the rate measured
   over the whole run; elsewhere clock_gettime (about 20 ns).  */
static int use_tsc;
static uint64_t start_ticks, start_ns;

static inline uint64_t
now_ticks (void)
{
#if defined(__x86_64__)
  if (use_tsc)
    return __builtin_ia32_rdtsc ();
#endif
  return mono_ns ();
}

static void
choose_clock (void)
{
#if defined(__x86_64__)
  FILE *f = fopen ("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
  char name[32] = "";
  if (f)
    {
      if (!fgets (name, sizeof name, f))
	name[0] = 0;
      fclose (f);
    }
  use_tsc = strcmp (name, "tsc\n") == 0;
#endif
  start_ns = mono_ns ();
  start_ticks = now_ticks ();
}

/* ns per tick, measured from start-up to now (at least 10 ms of it).  */
static double
tick_ns (void)
{
  if (!use_tsc)
    return 1.0;
  uint64_t ns, ticks;
  do
    {
      ns = mono_ns ();
      ticks = now_ticks ();
    }
  while (ns - start_ns < 10000000);
  return ticks > start_ticks ? (double) (ns - start_ns) / (ticks - start_ticks) : 1.0;
}

static inline struct site_entry *
entry_of (unsigned id)
{
  return &chunks[id / CHUNK][id % CHUNK];
}

/* ---- slow paths ---- */

static unsigned
number_site (struct cdefer_trace_site *s)
{
  pthread_mutex_lock (&table_lock);
  unsigned id = s->id;
  if (!id)
    {
      id = nsites + 1;
      if (id / CHUNK >= MAX_CHUNKS)
	id = SITE_OVERFLOW;
      else if (!chunks[id / CHUNK]
	       && !(chunks[id / CHUNK] = calloc (CHUNK, sizeof (struct site_entry))))
	id = SITE_OVERFLOW;
      else
	{
	  nsites = id;
	  entry_of (id)->site = s;
	}
      __atomic_store_n (&s->id, id, __ATOMIC_RELEASE);
    }
  pthread_mutex_unlock (&table_lock);
  return id;
}

static void
merge (struct counters *into, const struct counters *c)
{
  into->registered += c->registered;
  into->ran += c->ran;
  into->pending += c->pending;
  if (c->max_pending > into->max_pending)
    into->max_pending = c->max_pending;
  into->total_ns += c->total_ns;
  if (c->max_ns > into->max_ns)
    into->max_ns = c->max_ns;
  if (c->max_held_ns > into->max_held_ns)
    into->max_held_ns = c->max_held_ns;
}

/* The key destructor: the thread ends, its counts go to the table.  */
static void
retire_thread (void *arg)
{
  struct thread_trace *t = arg;
  pthread_mutex_lock (&table_lock);
  for (unsigned id = 1; id < t->cap && id <= nsites; id++)
    merge (&entry_of (id)->merged, &t->c[id]);
  if (t->prev)
    t->prev->next = t->next;
  else
    live_threads = t->next;
  if (t->next)
    t->next->prev = t->prev;
  pthread_mutex_unlock (&table_lock);
  free (t->c);
  free (t);
  self = NULL;
}

/* This thread's counters, with room for site ID; NULL without memory.  */
static struct thread_trace *
grow_thread (unsigned id)
{
  struct thread_trace *t = self;
  if (!t)
    {
      t = calloc (1, sizeof *t);
      if (!t)
	return NULL;
      pthread_mutex_lock (&table_lock);
      t->next = live_threads;
      if (live_threads)
	live_threads->prev = t;
      live_threads = t;
      nthreads++;
      pthread_mutex_unlock (&table_lock);
      pthread_setspecific (exit_key, t);
      self = t;
    }
  if (id >= t->cap)
    {
      unsigned cap = t->cap ? t->cap : 64;
      while (cap <= id)
	cap *= 2;
      /* Under the lock: the exit report may read this array.  */
      pthread_mutex_lock (&table_lock);
      struct counters *c = realloc (t->c, cap * sizeof *c);
      if (c)
	{
	  memset (c + t->cap, 0, (cap - t->cap) * sizeof *c);
	  t->c = c;
	  t->cap = cap;
	}
      pthread_mutex_unlock (&table_lock);
      if (!c)
	return NULL;
    }
  return t;
}

/* ---- the hooks ---- */

static inline struct counters *
counters_of (struct cdefer_trace_site *s, unsigned *idp)
{
  unsigned id = __atomic_load_n (&s->id, __ATOMIC_ACQUIRE);
  if (UNLIKELY (!id))
    id = number_site (s);
  if (UNLIKELY (id == SITE_OVERFLOW))
    return NULL;
  struct thread_trace *t = self;
  if (UNLIKELY (!t || id >= t->cap) && !(t = grow_thread (id)))
    return NULL;
  *idp = id;
  return &t->c[id];
}

EXPORT unsigned long long
__cdefer_trace_register (void *site)
{
  if (!enabled)
    return 0;
  unsigned id;
  struct counters *c = counters_of (site, &id);
  if (!c)
    return 0;
  c->registered++;
  if (++c->pending > c->max_pending)
    c->max_pending = c->pending;
  struct site_entry *e = entry_of (id);
  int64_t now = __atomic_add_fetch (&e->pending, 1, __ATOMIC_RELAXED);
  int64_t max = __atomic_load_n (&e->max_pending, __ATOMIC_RELAXED);
  while (now > max
	 && !__atomic_compare_exchange_n (&e->max_pending, &max, now, 1,
					  __ATOMIC_RELAXED, __ATOMIC_RELAXED))
    ;
  return now_ticks ();
}

EXPORT unsigned long long
__cdefer_trace_enter (void *site, unsigned long long registered_at)
{
  if (!enabled)
    return 0;
  unsigned id;
  struct counters *c = counters_of (site, &id);
  if (!c)
    return 0;
  uint64_t t = now_ticks ();
  c->ran++;
  c->pending--;
  __atomic_sub_fetch (&entry_of (id)->pending, 1, __ATOMIC_RELAXED);
  if (registered_at && t - registered_at > c->max_held_ns)
    c->max_held_ns = t - registered_at;
  return t;
}

EXPORT void
__cdefer_trace_leave (void *site, unsigned long long started_at)
{
  if (!enabled || !started_at)
    return;
  unsigned id;
  struct counters *c = counters_of (site, &id);
  if (!c)
    return;
  uint64_t d = now_ticks () - started_at;
  c->total_ns += d;
  if (d > c->max_ns)
    c->max_ns = d;
}

/* ---- the report ---- */

struct site_report
{
  struct cdefer_trace_site *site;
  struct counters c;		/* c.max_pending: the most on one thread */
  int64_t max_pending;		/* the most on all threads at once */
};

static int
by_place (const void *a, const void *b)
{
  const struct cdefer_trace_site *x = ((const struct site_report *) a)->site;
  const struct cdefer_trace_site *y = ((const struct site_report *) b)->site;
  int k = strcmp (x->file, y->file);
  if (k)
    return k;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return strcmp (x->function, y->function);
}

/* Every site's counts: the exited threads' and the live ones'.  */
static struct site_report *
collect (unsigned *n)
{
  pthread_mutex_lock (&table_lock);
  *n = nsites;
  struct site_report *r = calloc (nsites ? nsites : 1, sizeof *r);
  if (r)
    for (unsigned id = 1; id <= nsites; id++)
      {
	struct site_entry *e = entry_of (id);
	struct site_report *s = &r[id - 1];
	s->site = e->site;
	s->c = e->merged;
	s->max_pending = __atomic_load_n (&e->max_pending, __ATOMIC_RELAXED);
	for (struct thread_trace *t = live_threads; t; t = t->next)
	  if (id < t->cap)
	    merge (&s->c, &t->c[id]);
      }
  pthread_mutex_unlock (&table_lock);
  if (!r)
    return NULL;
  double k = tick_ns ();
  for (unsigned i = 0; i < *n; i++)
    {
      r[i].c.total_ns = (uint64_t) (r[i].c.total_ns * k + 0.5);
      r[i].c.max_ns = (uint64_t) (r[i].c.max_ns * k + 0.5);
      r[i].c.max_held_ns = (uint64_t) (r[i].c.max_held_ns * k + 0.5);
    }
  qsort (r, *n, sizeof *r, by_place);
  return r;
}

static void
fmt_ns (char *buf, size_t size, uint64_t ns)
{
  if (ns < 1000)
    snprintf (buf, size, "%llu ns", (unsigned long long) ns);
  else if (ns < 1000000)
    snprintf (buf, size, "%.1f us", ns / 1e3);
  else if (ns < 1000000000)
    snprintf (buf, size, "%.1f ms", ns / 1e6);
  else
    snprintf (buf, size, "%.1f s", ns / 1e9);
}

static void
report_table (FILE *f, struct site_report *r, unsigned n)
{
  fprintf (f, "cdefer trace: %u defer site%s, %lu thread%s\n", n,
	   n == 1 ? "" : "s", nthreads, nthreads == 1 ? "" : "s");
  fprintf (f, "%12s %12s %11s %8s %10s %10s %10s  %s\n", "registered", "ran",
	   "max pending", "(thread)", "body total", "body max", "max held",
	   "site (function)");
  unsigned pending_sites = 0;
  for (unsigned i = 0; i < n; i++)
    {
      struct site_report *s = &r[i];
      char total[32], max[32], held[32];
      fmt_ns (total, sizeof total, s->c.total_ns);
      fmt_ns (max, sizeof max, s->c.max_ns);
      fmt_ns (held, sizeof held, s->c.max_held_ns);
      fprintf (f, "%12llu %12llu %11lld %8lld %10s %10s %10s  %s:%u:%u (%s)\n",
	       (unsigned long long) s->c.registered,
	       (unsigned long long) s->c.ran, (long long) s->max_pending,
	       (long long) s->c.max_pending, total, max, held, s->site->file,
	       s->site->line, s->site->column, s->site->function);
      pending_sites += s->c.registered > s->c.ran;
    }
  if (!pending_sites)
    return;
  fprintf (f, "cdefer trace: pending at exit (registered, never run):\n");
  for (unsigned i = 0; i < n; i++)
    if (r[i].c.registered > r[i].c.ran)
      fprintf (f, "%12llu  %s:%u:%u (%s)\n",
	       (unsigned long long) (r[i].c.registered - r[i].c.ran),
	       r[i].site->file, r[i].site->line, r[i].site->column,
	       r[i].site->function);
}

static void
json_string (FILE *f, const char *s)
{
  fputc ('"', f);
  for (; *s; s++)
    {
      unsigned char ch = (unsigned char) *s;
      if (ch == '"' || ch == '\\')
	fprintf (f, "\\%c", ch);
      else if (ch < 0x20)
	fprintf (f, "\\u%04x", ch);
      else
	fputc (ch, f);
    }
  fputc ('"', f);
}

static void
json_place (FILE *f, const struct cdefer_trace_site *site)
{
  fputs ("\"file\": ", f);
  json_string (f, site->file);
  fprintf (f, ", \"line\": %u, \"column\": %u, \"function\": ", site->line,
	   site->column);
  json_string (f, site->function);
}

static void
report_json (FILE *f, struct site_report *r, unsigned n)
{
  fprintf (f, "{\n  \"cdefer_trace\": 1,\n  \"pid\": %ld,\n  \"threads\": %lu,\n"
	   "  \"sites\": [", (long) getpid (), nthreads);
  for (unsigned i = 0; i < n; i++)
    {
      struct site_report *s = &r[i];
      fputs (i ? ",\n    {" : "\n    {", f);
      json_place (f, s->site);
      fprintf (f, ", \"registered\": %llu, \"ran\": %llu, "
	       "\"max_pending\": %lld, \"max_pending_thread\": %lld, "
	       "\"total_ns\": %llu, \"max_ns\": %llu, \"max_held_ns\": %llu}",
	       (unsigned long long) s->c.registered,
	       (unsigned long long) s->c.ran, (long long) s->max_pending,
	       (long long) s->c.max_pending,
	       (unsigned long long) s->c.total_ns,
	       (unsigned long long) s->c.max_ns,
	       (unsigned long long) s->c.max_held_ns);
    }
  fputs (n ? "\n  ],\n  \"pending_at_exit\": [" : "],\n  \"pending_at_exit\": [", f);
  int first = 1;
  for (unsigned i = 0; i < n; i++)
    if (r[i].c.registered > r[i].c.ran)
      {
	fputs (first ? "\n    {" : ",\n    {", f);
	first = 0;
	json_place (f, r[i].site);
	fprintf (f, ", \"pending\": %llu}",
		 (unsigned long long) (r[i].c.registered - r[i].c.ran));
      }
  fputs (first ? "]\n}\n" : "\n  ]\n}\n", f);
}

/* PATH with each %p replaced by the process id (several processes of one
   program can then share one CDEFER_TRACE setting).  */
static char *
expand_path (const char *path)
{
  size_t n = strlen (path);
  char *out = malloc (n * 8 + 1);
  if (!out)
    return NULL;
  char *o = out;
  for (const char *p = path; *p; p++)
    if (p[0] == '%' && p[1] == 'p')
      {
	o += sprintf (o, "%ld", (long) getpid ());
	p++;
      }
    else
      *o++ = *p;
  *o = 0;
  return out;
}

static int
trace_setting_on (const char *v)
{
  return v && *v && strcmp (v, "0") != 0;
}

__attribute__ ((destructor)) static void
report_at_exit (void)
{
  const char *v = getenv ("CDEFER_TRACE");
  if (!enabled || !trace_setting_on (v) || !nsites)
    return;
  unsigned n;
  struct site_report *r = collect (&n);
  if (!r)
    return;
  if (strcmp (v, "1") == 0)
    report_table (stderr, r, n);
  else
    {
      char *path = expand_path (v);
      FILE *f = path ? fopen (path, "w") : NULL;
      if (f)
	{
	  report_json (f, r, n);
	  if (fclose (f) != 0)
	    fprintf (stderr, "cdefer trace: writing %s: %s\n", path,
		     strerror (errno));
	}
      else
	fprintf (stderr, "cdefer trace: cannot write %s: %s\n",
		 path ? path : v, strerror (errno));
      free (path);
    }
  free (r);
}

__attribute__ ((constructor)) static void
trace_init (void)
{
  if (!trace_setting_on (getenv ("CDEFER_TRACE")))
    return;
  if (pthread_key_create (&exit_key, retire_thread) != 0)
    return;
  choose_clock ();
  enabled = 1;
}
