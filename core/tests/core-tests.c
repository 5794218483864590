/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-tests.c - the harness of the core's unit tests (harness.h).  */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int test_failures;

void
check_at (bool c, const char *what, const char *file, int line)
{
  if (c)
    return;
  fprintf (stderr, "%s:%d: check failed: %s\n", file, line, what);
  test_failures++;
}

static bool
log_report (void *backend, const struct cd_diag *d)
{
  struct diag_log *log = backend;
  if (log->suppress[d->id])
    return false;
  if (log->n == LOG_MAX)
    abort ();
  struct logged *l = &log->d[log->n++];
  memset (l, 0, sizeof *l);
  l->id = d->id;
  l->loc = d->loc;
  if (d->arg)
    snprintf (l->arg, sizeof l->arg, "%s", d->arg);
  l->nnotes = d->nnotes;
  for (int i = 0; i < d->nnotes; i++)
    {
      l->note_loc[i] = d->notes[i].loc;
      snprintf (l->note[i], sizeof l->note[i], "%s", d->notes[i].text);
    }
  l->fixit = d->fixit;
  l->fix_at = d->fix_at;
  l->fix_end = d->fix_end;
  return true;
}

cd_func *
new_func (enum cd_model m, struct diag_log *log)
{
  memset (log, 0, sizeof *log);
  cd_func *f = cd_func_new (m, log_report, log);
  cd_open_block (f, CD_BLOCK_FUNCTION, CD_ROLE_OTHER, 1);
  return f;
}

int
finish_and_check (cd_func *f)
{
  cd_close_block (f, 999);
  return cd_check (f);
}

char *
dump_of (cd_func *f)
{
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&text, &len);
  if (!out)
    abort ();
  cd_dump (f, out);
  fclose (out);
  return text;
}

bool
log_is_at (struct diag_log *log, const char *expected, const char *file,
	   int line)
{
  char got[2048] = "";
  size_t n = 0;
  for (int i = 0; i < log->n && n < sizeof got; i++)
    n += snprintf (got + n, sizeof got - n, "%s%s@%lu", i ? " " : "",
		   cd_diag_id_name (log->d[i].id),
		   (unsigned long) log->d[i].loc);
  if (strcmp (got, expected) == 0)
    return true;
  fprintf (stderr, "%s:%d: diagnostics\n  expected: %s\n  got:      %s\n",
	   file, line, expected, got);
  return false;
}

bool
dump_is_at (cd_func *f, const char *expected, const char *file, int line)
{
  char *got = dump_of (f);
  bool same = strcmp (got, expected) == 0;
  if (!same)
    fprintf (stderr, "%s:%d: dump\n--- expected:\n%s--- got:\n%s---\n",
	     file, line, expected, got);
  free (got);
  return same;
}

int
main (void)
{
  run_structure_tests ();
  run_values_tests ();
  run_ignore_tests ();
  run_flagvar_tests ();
  if (test_failures)
    fprintf (stderr, "%d check(s) failed\n", test_failures);
  return test_failures != 0;
}
