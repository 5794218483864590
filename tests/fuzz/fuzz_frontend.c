/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_frontend.c - libFuzzer target for the cdefer front end: `cdefer
   lower` and `cdefer check` on the input, taken as preprocessed C.

   The front end is built unchanged as a shared library (its main renamed
   cdefer_main, see CMakeLists.txt) and called in-process, as the command
   line would call it:

     cdefer lower|check --preprocessed [--model=ts] [--lowering=gnu]
                        [--diagnostics-format=json]
                        [-fdiagnostics-parseable-fixits] [-o /dev/null] FILE

   The front end keeps its state in static variables and an arena that it
   never frees (it handles one file per process).  So that every input
   starts from a fresh process state, the harness
     - copies the library's writable data (.data, .bss: everything but
       RELRO and the coverage counters) once before the first input and
       puts it back after each one, and
     - records every allocation made during a run (sanitizer malloc hooks,
       the target's thread only) and frees what is left after it.

   An optional first byte 0x80-0x9f (never the start of C text) selects
   the options with its low 5 bits: 1 --model=ts, 2 --lowering=gnu,
   4 check instead of lower, 8 --diagnostics-format=json,
   16 -fdiagnostics-parseable-fixits.  Without it: lower, model go,
   portable lowering.

   CDEFER_FUZZ_VERBOSE=1 shows the front end's diagnostics (they go to
   /dev/null otherwise).  */

#define _GNU_SOURCE
#include <link.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sanitizer/allocator_interface.h>

int cdefer_main (int argc, char **argv);
void cdefer_fuzz_counters (char **begin, char **end);

/* ---- the library's writable data ---- */

typedef struct Range { uintptr_t *p; size_t words; uintptr_t *saved; } Range;
static Range ranges[32];
static int nranges;
static uintptr_t counters_b, counters_e;

static void
add_range (uintptr_t b, uintptr_t e)
{
  /* Whole words only: a segment's ends are at least word aligned.  */
  b = (b + sizeof (uintptr_t) - 1) & ~(uintptr_t) (sizeof (uintptr_t) - 1);
  e &= ~(uintptr_t) (sizeof (uintptr_t) - 1);
  if (e <= b)
    return;
  if (counters_b < e && b < counters_e)
    {
      /* Leave the coverage counters to libFuzzer.  */
      add_range (b, counters_b);
      add_range (counters_e, e);
      return;
    }
  if (nranges == 32)
    abort ();
  ranges[nranges].p = (uintptr_t *) b;
  ranges[nranges].words = (e - b) / sizeof (uintptr_t);
  nranges++;
}

static int
find_segments (struct dl_phdr_info *info, size_t size, void *unused)
{
  (void) size, (void) unused;
  bool ours = false;
  uintptr_t relro_b = 0, relro_e = 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      uintptr_t b = info->dlpi_addr + ph->p_vaddr, e = b + ph->p_memsz;
      if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W)
          && counters_b >= b && counters_b < e)
        ours = true;
      if (ph->p_type == PT_GNU_RELRO)
        relro_b = b, relro_e = e;
    }
  if (!ours)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
        continue;
      uintptr_t b = info->dlpi_addr + ph->p_vaddr, e = b + ph->p_memsz;
      /* RELRO is read-only after relocation (the GOT, with -z now).  */
      if (relro_e > b && relro_b < e)
        {
          add_range (b, relro_b > b ? relro_b : b);
          add_range (relro_e < e ? relro_e : e, e);
        }
      else
        add_range (b, e);
    }
  return 1;
}

/* Word copies, not memcpy: the data holds AddressSanitizer's redzones
   around globals, which a checked copy would report.  */
__attribute__ ((no_sanitize ("address", "undefined")))
static void
copy_words (volatile uintptr_t *d, const volatile uintptr_t *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    d[i] = s[i];
}

static void
save_state (void)
{
  char *b, *e;
  cdefer_fuzz_counters (&b, &e);
  counters_b = (uintptr_t) b, counters_e = (uintptr_t) e;
  if (!dl_iterate_phdr (find_segments, NULL))
    {
      fprintf (stderr, "fuzz_frontend: cannot find the front end's data\n");
      abort ();
    }
  for (int i = 0; i < nranges; i++)
    {
      ranges[i].saved = malloc (ranges[i].words * sizeof (uintptr_t));
      copy_words (ranges[i].saved, ranges[i].p, ranges[i].words);
    }
}

static void
restore_state (void)
{
  for (int i = 0; i < nranges; i++)
    copy_words (ranges[i].p, ranges[i].saved, ranges[i].words);
}

/* ---- allocations of one run ---- */

#define SLOTS (1u << 20)          /* open addressing, power of two */
#define TOMB ((const void *) 1)
static const void *slot[SLOTS];
static const void *made[SLOTS / 2];   /* in allocation order */
static size_t nmade;
static bool tracking, overflow;
static pthread_t target_thread;   /* libFuzzer has threads of its own */

static size_t
hash_ptr (const void *p)
{
  uintptr_t x = (uintptr_t) p;
  x ^= x >> 17;
  x *= 0xed5ad4bbu;
  x ^= x >> 11;
  return x & (SLOTS - 1);
}

static size_t
find_slot (const void *p)
{
  size_t i = hash_ptr (p);
  while (slot[i] && slot[i] != p)
    i = (i + 1) & (SLOTS - 1);
  return i;
}

static void
on_malloc (const volatile void *ptr, size_t size)
{
  (void) size;
  const void *p = (const void *) ptr;
  if (!tracking || !p || !pthread_equal (pthread_self (), target_thread))
    return;
  if (nmade == SLOTS / 2)
    {
      overflow = true;
      return;
    }
  size_t i = hash_ptr (p);
  while (slot[i] && slot[i] != TOMB && slot[i] != p)
    i = (i + 1) & (SLOTS - 1);
  slot[i] = p;
  made[nmade++] = p;
}

static void
on_free (const volatile void *ptr)
{
  const void *p = (const void *) ptr;
  if (!tracking || !p || !pthread_equal (pthread_self (), target_thread))
    return;
  size_t i = find_slot (p);
  if (slot[i] == p)
    slot[i] = TOMB;
}

/* Free what the run left allocated; empty the table.  */
static void
free_leftovers (void)
{
  tracking = false;
  for (size_t k = 0; k < nmade; k++)
    {
      size_t i = find_slot (made[k]);
      if (slot[i] == made[k])
        free ((void *) made[k]);
    }
  for (size_t k = 0; k < nmade; k++)
    {
      size_t i = hash_ptr (made[k]);
      while (slot[i])
        {
          slot[i] = NULL;
          i = (i + 1) & (SLOTS - 1);
        }
    }
  nmade = 0;
  if (overflow)
    {
      fprintf (stderr, "fuzz_frontend: more than %u allocations in one run\n",
               SLOTS / 2);
      abort ();
    }
}

/* ---- the target ---- */

static int input_fd = -1;
static char input_path[64];
static FILE *devnull;
static bool verbose;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc, (void) argv;
  input_fd = memfd_create ("cdefer-fuzz-input.i", 0);
  if (input_fd < 0)
    {
      perror ("fuzz_frontend: memfd_create");
      abort ();
    }
  snprintf (input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
  devnull = fopen ("/dev/null", "w");
  /* Unbuffered: a buffer allocated during a run would be freed with the
     run's leftovers.  */
  setvbuf (devnull, NULL, _IONBF, 0);
  verbose = getenv ("CDEFER_FUZZ_VERBOSE") != NULL;
  save_state ();
  target_thread = pthread_self ();
  __sanitizer_install_malloc_and_free_hooks (on_malloc, on_free);
  return 0;
}

static bool
is_mode_byte (uint8_t c)
{
  return c >= 0x80 && c <= 0x9f;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned mode = 0;
  if (size && is_mode_byte (data[0]))
    mode = data[0] & 0x1f, data++, size--;
  if (ftruncate (input_fd, 0) < 0 || pwrite (input_fd, data, size, 0) != (ssize_t) size)
    abort ();

  char *argv[16];
  int argc = 0;
  argv[argc++] = "cdefer";
  argv[argc++] = (mode & 4) ? "check" : "lower";
  argv[argc++] = "--preprocessed";
  if (mode & 1)
    argv[argc++] = "--model=ts";
  if (mode & 2)
    argv[argc++] = "--lowering=gnu";
  if (mode & 8)
    argv[argc++] = "--diagnostics-format=json";
  if (mode & 16)
    argv[argc++] = "-fdiagnostics-parseable-fixits";
  if (!(mode & 4))
    {
      argv[argc++] = "-o";
      argv[argc++] = "/dev/null";
    }
  argv[argc++] = input_path;
  argv[argc] = NULL;

  FILE *saved_stderr = stderr;
  if (!verbose)
    stderr = devnull;
  tracking = true;
  int rc = cdefer_main (argc, argv);
  free_leftovers ();
  stderr = saved_stderr;
  restore_state ();
  /* 0 success, 1 errors in the input; 2 (I/O, usage) cannot happen here.  */
  if (rc != 0 && rc != 1)
    {
      fprintf (stderr, "fuzz_frontend: cdefer %s exited with %d\n", argv[1], rc);
      abort ();
    }
  return 0;
}
