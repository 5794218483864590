/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See resources.h.  Deliberately a separate translation unit.  */
#include "resources.h"
#include <stddef.h>

struct res { int kind; unsigned serial; };

#define MAXHELD 64
static struct res pool[MAXHELD];
static int held;                       /* stack depth */
static unsigned serial;
static unsigned long long log_hash;
static long errors;

static void
mix (unsigned long long v)
{
  log_hash = (log_hash ^ v) * 0x100000001b3ULL;
}

res *
acquire (int kind, unsigned in)
{
  mix (0x100u + (unsigned) kind);
  if ((in >> (kind & 15)) & 1u)
    return NULL;
  if (held == MAXHELD)
    {
      errors++;
      return NULL;
    }
  res *r = &pool[held++];
  r->kind = kind;
  r->serial = ++serial;
  mix (r->serial);
  return r;
}

void
release (res *r)
{
  if (r == NULL || held == 0 || r != &pool[held - 1])
    {
      errors++;                        /* not LIFO, double release, or NULL */
      return;
    }
  mix (0x200u + (unsigned) r->kind);
  mix (r->serial);
  held--;
}

int
use (res *r, int x)
{
  /* 0 .. 2^24-1: sums of a few never overflow, never look like an error.  */
  return (int) (((unsigned) x * 2654435761u + r->serial * 40503u + (unsigned) r->kind) >> 8);
}

int
check (unsigned in, int step)
{
  return (in >> (16 + (step & 15))) & 1u;
}

void res_reset (void) { held = 0; serial = 0; log_hash = 0xcbf29ce484222325ULL; errors = 0; }
unsigned long long res_log (void) { return log_hash; }
int res_outstanding (void) { return held; }
long res_errors (void) { return errors; }
