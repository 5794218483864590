/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util.c - arenas, translation units, vectors, buffers, the identifier
   table.  */

#include "fe.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

Options opt;
Unit *unit;

/* An arena: chunks of at least 1 MiB, each starting with a link to the
   one before, freed all at once.  */
typedef struct Chunk { struct Chunk *prev; } Chunk;
typedef struct Arena { char *p, *end; Chunk *last; } Arena;

static Arena process_arena;     /* outside any unit: never freed */
static Arena *arena = &process_arena;

void *
xalloc (size_t n)
{
  n = (n + 15) & ~(size_t) 15;
  if ((size_t) (arena->end - arena->p) < n)
    {
      size_t head = (sizeof (Chunk) + 15) & ~(size_t) 15;
      size_t size = head + (n > (1 << 20) ? n : (1 << 20));
      Chunk *c = calloc (1, size);
      if (!c)
        {
          perror ("cdefer");
          exit (2);
        }
      c->prev = arena->last;
      arena->last = c;
      arena->p = (char *) c + head;
      arena->end = (char *) c + size;
    }
  void *p = arena->p;
  arena->p += n;
  return p;
}

static void
free_arena (Arena *a)
{
  while (a->last)
    {
      Chunk *prev = a->last->prev;
      free (a->last);
      a->last = prev;
    }
  free (a);
}

#define HASH_SIZE (1 << 16)

/* A new translation unit for the file PATH, current from now on: xalloc
   allocates in its arena and intern in its symbol table.  */
Unit *
unit_open (const char *path)
{
  Unit *u = calloc (1, sizeof *u);
  Arena *a = calloc (1, sizeof *a);
  if (!u || !a)
    {
      perror ("cdefer");
      exit (2);
    }
  u->path = path;
  u->arena = a;
  arena = a;
  unit = u;
  u->symtab = xalloc (HASH_SIZE * sizeof *u->symtab);
  return u;
}

/* The current unit is done: the passes forget it (their caches point into
   it), then its memory goes.  */
void
unit_close (void)
{
  Unit *u = unit;
  diag_end_unit ();
  analyse_end_unit ();
  free (u->text);
  free (u->tok);
  free (u->files);
  arena = &process_arena;
  free_arena (u->arena);
  free (u);
  unit = NULL;
}

char *
xstrndup (const char *s, size_t n)
{
  char *p = xalloc (n + 1);
  memcpy (p, s, n);
  p[n] = 0;
  return p;
}

void
vec_push (Vec *a, void *p)
{
  if (a->n == a->cap)
    {
      a->cap = a->cap ? a->cap * 2 : 4;
      void **nv = xalloc (a->cap * sizeof (void *));
      if (a->n)
        memcpy (nv, a->v, a->n * sizeof (void *));
      a->v = nv;
    }
  a->v[a->n++] = p;
}

void
buf_add (Buf *b, const char *s, size_t n)
{
  if (b->n + n + 1 > b->cap)
    {
      size_t cap = b->cap ? b->cap : 4096;
      while (cap < b->n + n + 1)
        cap *= 2;
      b->s = realloc (b->s, cap);
      if (!b->s)
        {
          perror ("cdefer");
          exit (2);
        }
      b->cap = cap;
    }
  memcpy (b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}

/* The text of B in the arena (never NULL); B's own memory is freed.  */
char *
buf_keep (Buf *b)
{
  char *s = xstrndup (b->s ? b->s : "", b->n);
  free (b->s);
  *b = (Buf) { 0 };
  return s;
}

/* Is S one of the strings of the NULL-terminated LIST?  */
bool
name_in (const char *s, const char *const *list)
{
  for (; *list; list++)
    if (!strcmp (s, *list))
      return true;
  return false;
}

void
buf_read (Buf *b, FILE *f)
{
  char chunk[65536];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (b, chunk, n);
}

void
buf_puts (Buf *b, const char *s)
{
  buf_add (b, s, strlen (s));
}

void
buf_printf (Buf *b, const char *fmt, ...)
{
  char tmp[512];
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (tmp, sizeof tmp, fmt, ap);
  va_end (ap);
  if (n < (int) sizeof tmp)
    {
      buf_add (b, tmp, n);
      return;
    }
  char *big = malloc (n + 1);
  va_start (ap, fmt);
  vsnprintf (big, n + 1, fmt, ap);
  va_end (ap);
  buf_add (b, big, n);
  free (big);
}

/* Identifiers: open hashing, FNV-1a, one table per unit.  */

Sym *
intern (const char *s, int len)
{
  uint32_t h = 2166136261u;
  for (int i = 0; i < len; i++)
    h = (h ^ (unsigned char) s[i]) * 16777619u;
  Sym **slot = &unit->symtab[h & (HASH_SIZE - 1)];
  for (Sym *p = *slot; p; p = p->next)
    if (p->len == len && !memcmp (p->name, s, len))
      return p;
  Sym *p = NEW (Sym);
  p->name = xstrndup (s, len);
  p->len = len;
  p->next = *slot;
  *slot = p;
  return p;
}

const char *
tok_text (int i)
{
  return xstrndup (unit->text + unit->tok[i].off, unit->tok[i].len);
}

bool
tok_is (int i, const char *s)
{
  size_t n = strlen (s);
  return unit->tok[i].len == n && !memcmp (unit->text + unit->tok[i].off, s, n);
}

/* Maps keyed by a pair of pointers: open addressing, linear probing,
   grown at half full.  */
struct MapSlot { const void *a, *b; void *val; };

static size_t
map_hash (const void *a, const void *b, size_t mask)
{
  uint64_t h = (uint64_t) (uintptr_t) a * 0x9e3779b97f4a7c15u
               ^ (uint64_t) (uintptr_t) b * 0xc2b2ae3d27d4eb4fu;
  return (size_t) (h ^ (h >> 29)) & mask;
}

static struct MapSlot *
map_slot (Map *m, const void *a, const void *b)
{
  size_t mask = m->cap - 1, i = map_hash (a, b, mask);
  while (m->slot[i].val && (m->slot[i].a != a || m->slot[i].b != b))
    i = (i + 1) & mask;
  return &m->slot[i];
}

void *
map_get (Map *m, const void *a, const void *b)
{
  return m->cap ? map_slot (m, a, b)->val : NULL;
}

void
map_put (Map *m, const void *a, const void *b, void *val)
{
  if (2 * (m->n + 1) > m->cap)
    {
      size_t cap = m->cap ? 2 * m->cap : 64;
      Map big = { xalloc (cap * sizeof *big.slot), 0, cap };
      for (size_t i = 0; i < m->cap; i++)
        if (m->slot[i].val)
          map_put (&big, m->slot[i].a, m->slot[i].b, m->slot[i].val);
      *m = big;
    }
  struct MapSlot *s = map_slot (m, a, b);
  if (!s->val)
    m->n++;
  *s = (struct MapSlot) { a, b, val };
}
