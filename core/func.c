/* SPDX-License-Identifier: GPL-3.0-or-later */
/* func.c - building the description of one function (the builder API of
   cdefer-core.h) and the small containers it is made of.  */

#include <stdlib.h>
#include <string.h>

#include "core-internal.h"

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n);
  if (!p)
    abort ();
  return p;
}

void *
cd_array_push (struct cd_array *a)
{
  if (a->n == a->cap)
    {
      a->cap = a->cap ? 2 * a->cap : 16;
      a->v = xrealloc (a->v, a->cap * a->size);
    }
  void *e = (char *) a->v + a->n++ * a->size;
  memset (e, 0, a->size);
  return e;
}

static size_t
hash_key (const void *key, size_t cap)
{
  uintptr_t k = (uintptr_t) key;
  k ^= k >> 17;
  k *= 0x9E3779B97F4A7C15ull;
  return (size_t) (k >> 7) & (cap - 1);
}

int
cd_keymap_get (struct cd_keymap *m, const void *key)
{
  if (!m->cap)
    return -1;
  for (size_t i = hash_key (key, m->cap);; i = (i + 1) & (m->cap - 1))
    {
      if (!m->keys[i])
	return -1;
      if (m->keys[i] == key)
	return m->vals[i];
    }
}

void
cd_keymap_put (struct cd_keymap *m, const void *key, int val)
{
  if (2 * (m->n + 1) > m->cap)
    {
      struct cd_keymap old = *m;
      m->cap = old.cap ? 2 * old.cap : 64;
      m->keys = calloc (m->cap, sizeof *m->keys);
      m->vals = calloc (m->cap, sizeof *m->vals);
      if (!m->keys || !m->vals)
	abort ();
      m->n = 0;
      for (size_t i = 0; i < old.cap; i++)
	if (old.keys[i])
	  cd_keymap_put (m, old.keys[i], old.vals[i]);
      free (old.keys);
      free (old.vals);
    }
  size_t i = hash_key (key, m->cap);
  while (m->keys[i] && m->keys[i] != key)
    i = (i + 1) & (m->cap - 1);
  if (!m->keys[i])
    m->n++;
  m->keys[i] = key;
  m->vals[i] = val;
}

cd_func *
cd_func_new (enum cd_model model, cd_report_fn report, void *backend)
{
  cd_func *f = calloc (1, sizeof *f);
  if (!f)
    abort ();
  f->model = model;
  f->report = report;
  f->backend = backend;
  f->current = -1;
  f->blocks.size = sizeof (struct cd_block);
  f->events.size = sizeof (struct cd_event);
  f->defers.size = sizeof (struct cd_defer_rec);
  f->labels.size = sizeof (struct cd_label_rec);
  f->vars.size = sizeof (struct cd_var_rec);
  f->targets.size = sizeof (int);
  f->ignores.size = sizeof (struct cd_ignore_rec);
  f->open_ignores.size = sizeof (int);
  f->values.size = sizeof (struct cd_value_rec);
  f->dcalls.size = sizeof (struct cd_dcall_rec);
  return f;
}

void
cd_func_free (cd_func *f)
{
  if (!f)
    return;
  free (f->blocks.v);
  free (f->events.v);
  free (f->defers.v);
  free (f->labels.v);
  free (f->vars.v);
  free (f->targets.v);
  free (f->label_src);
  free (f->ignores.v);
  free (f->open_ignores.v);
  cd_values_free (f);
  cd_flag_facts_free (f);
  free (f->label_ids.keys);
  free (f->label_ids.vals);
  free (f->var_ids.keys);
  free (f->var_ids.vals);
  free (f);
}

void
cd_set_unwinds (cd_func *f, bool unwinds)
{
  f->unwinds = unwinds;
}

void
cd_set_calls_setjmp (cd_func *f, bool calls_setjmp)
{
  f->calls_setjmp = calls_setjmp;
}

/* ---- blocks ---- */

int
cd_open_block (cd_func *f, enum cd_block_kind kind, enum cd_block_role role,
	       cd_loc loc)
{
  struct cd_block *b = cd_array_push (&f->blocks);
  b->kind = kind;
  b->role = role;
  b->parent = f->current;
  b->depth = f->current < 0 ? 0 : BLOCK (f, f->current)->depth + 1;
  b->loc = loc;
  b->first_pos = ++f->pos;
  b->defer = -1;
  f->current = f->blocks.n - 1;
  return f->current;
}

void
cd_close_block (cd_func *f, cd_loc end)
{
  struct cd_block *b = BLOCK (f, f->current);
  b->end = end;
  b->last_pos = ++f->pos;
  f->current = b->parent;
}

void
cd_loop_is_once (cd_func *f, int loop)
{
  BLOCK (f, loop)->once = true;
}

int
cd_current_block (cd_func *f)
{
  return f->current;
}

bool
cd_is_defer_scope (cd_func *f, int b)
{
  switch (BLOCK (f, b)->kind)
    {
    case CD_BLOCK_FUNCTION:
    case CD_BLOCK_SCOPE:
    case CD_BLOCK_DEFER:
    case CD_BLOCK_STMT_EXPR:
    case CD_BLOCK_OMP:
      return true;
    default:
      /* Model ts: every block is one (TS 25755).  */
      return f->model == CD_MODEL_TS;
    }
}

int
cd_scope_of (cd_func *f, int b)
{
  while (b >= 0 && !cd_is_defer_scope (f, b))
    b = BLOCK (f, b)->parent;
  return b;
}

bool
cd_block_contains (cd_func *f, int a, int b)
{
  for (; b >= 0; b = BLOCK (f, b)->parent)
    if (a == b)
      return true;
  return false;
}

/* ---- events ---- */

static struct cd_event *
add_event (cd_func *f, enum cd_event_kind kind, cd_loc loc)
{
  struct cd_event *e = cd_array_push (&f->events);
  e->kind = kind;
  e->pos = ++f->pos;
  e->block = f->current;
  e->loc = loc;
  e->ref = -1;
  return e;
}

struct cd_event *
cd_add_event (cd_func *f, enum cd_event_kind kind, cd_loc loc)
{
  return add_event (f, kind, loc);
}

int
cd_label_of (cd_func *f, const void *key)
{
  int id = cd_keymap_get (&f->label_ids, key);
  if (id >= 0)
    return id;
  struct cd_label_rec *l = cd_array_push (&f->labels);
  l->key = key;
  l->event = -1;
  id = f->labels.n - 1;
  cd_keymap_put (&f->label_ids, key, id);
  return id;
}

int
cd_var_of (cd_func *f, const void *key)
{
  int id = cd_keymap_get (&f->var_ids, key);
  if (id >= 0)
    return id;
  struct cd_var_rec *v = cd_array_push (&f->vars);
  v->key = key;
  v->event = -1;
  id = f->vars.n - 1;
  cd_keymap_put (&f->var_ids, key, id);
  return id;
}

int
cd_defer (cd_func *f, cd_loc loc, cd_loc body_loc, bool empty,
	  bool starts_with_label)
{
  struct cd_event *e = add_event (f, CD_EV_DEFER, loc);
  struct cd_defer_rec *d = cd_array_push (&f->defers);
  int id = f->defers.n - 1;
  e->ref = id;
  d->event = f->events.n - 1;
  d->owner = cd_scope_of (f, f->current);
  d->loc = loc;
  d->body_loc = body_loc;
  d->empty = empty;
  d->starts_with_label = starts_with_label;
  d->body = cd_open_block (f, CD_BLOCK_DEFER, CD_ROLE_OTHER, body_loc);
  BLOCK (f, d->body)->defer = id;
  return id;
}

/* ---- #pragma cdefer ignore ---- */

void
cd_ignore (cd_func *f, enum cd_diag_id id)
{
  struct cd_ignore_rec *r = cd_array_push (&f->ignores);
  r->id = id;
  r->first = f->pos + 1;
  r->last = -1;			/* open */
  *(int *) cd_array_push (&f->open_ignores) = f->ignores.n - 1;
}

void
cd_ignore_end (cd_func *f)
{
  if (!f->open_ignores.n)
    return;
  int i = CD_AT (f->open_ignores, int, --f->open_ignores.n);
  CD_AT (f->ignores, struct cd_ignore_rec, i).last = f->pos;
}

/* The position of what a diagnostic at LOC is about: the first event or
   block opening described at LOC; -1 if none.  */
static int
position_at (cd_func *f, cd_loc loc)
{
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->loc == loc)
      return EVENT (f, i)->pos;
  for (int b = 0; b < f->blocks.n; b++)
    if (BLOCK (f, b)->loc == loc)
      return BLOCK (f, b)->first_pos;
  return -1;
}

/* Does a `#pragma cdefer ignore` cover diagnostic D?  */
static bool
cd_ignored (cd_func *f, const struct cd_diag *d)
{
  int pos = -1;
  for (int i = 0; i < f->ignores.n; i++)
    {
      struct cd_ignore_rec *r = &CD_AT (f->ignores, struct cd_ignore_rec, i);
      if (r->id != d->id)
	continue;
      if (pos < 0 && (!d->loc || (pos = position_at (f, d->loc)) < 0))
	return false;
      if (r->first <= pos && (r->last < 0 || pos <= r->last))
	return true;
    }
  return false;
}

bool
cd_emit (cd_func *f, struct cd_diag *d)
{
  if (cd_ignored (f, d))
    return false;
  bool shown = f->report (f->backend, d);
  if (shown && cd_diag_is_error (d->id))
    f->errors++;
  return shown;
}

/* ---- labels and jumps ---- */

void
cd_label (cd_func *f, const void *key, const char *name, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_LABEL, loc);
  int id = cd_label_of (f, key);
  e->ref = id;
  LABEL (f, id)->name = name;
  LABEL (f, id)->event = f->events.n - 1;
}

/* The innermost switch around the current block, or -1.  */
static int
innermost_switch (cd_func *f)
{
  for (int b = f->current; b >= 0; b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->kind == CD_BLOCK_SWITCH)
      return b;
  return -1;
}

void
cd_case_label (cd_func *f, bool is_default, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_CASE, loc);
  e->ref = innermost_switch (f);
  e->flag = is_default;
}

void
cd_label_address (cd_func *f, const void *key, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_LABEL_ADDRESS, loc);
  e->ref = cd_label_of (f, key);
  LABEL (f, e->ref)->address_taken = true;
}

void
cd_goto (cd_func *f, const void *key, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_GOTO, loc);
  e->ref = cd_label_of (f, key);
}

void
cd_computed_goto (cd_func *f, cd_loc loc)
{
  add_event (f, CD_EV_COMPUTED_GOTO, loc);
}

/* Keep the labels of KEYS in F->targets; returns the first index.  */
static int
add_targets (cd_func *f, const void *const *keys, int n)
{
  int first = f->targets.n;
  for (int i = 0; i < n; i++)
    {
      int id = cd_label_of (f, keys[i]);
      *(int *) cd_array_push (&f->targets) = id;
    }
  return first;
}

void
cd_asm_goto (cd_func *f, const void *const *keys, int n, cd_loc loc)
{
  int first = add_targets (f, keys, n);
  struct cd_event *e = add_event (f, CD_EV_ASM_GOTO, loc);
  e->ref = first;
  e->nref = n;
}

/* The loop (or, for a break, switch) that a break or continue at the
   current position leaves: the innermost one, up to the function body or
   an OpenMP block, which a jump cannot leave.  -1 if none.  */
static int
jump_target (cd_func *f, bool is_break)
{
  for (int b = f->current; b >= 0; b = BLOCK (f, b)->parent)
    switch (BLOCK (f, b)->kind)
      {
      case CD_BLOCK_LOOP:
	return b;
      case CD_BLOCK_SWITCH:
	if (is_break)
	  return b;
	break;
      case CD_BLOCK_FUNCTION:
      case CD_BLOCK_OMP:
	return -1;
      default:
	break;
      }
  return -1;
}

void
cd_break (cd_func *f, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_BREAK, loc);
  e->ref = jump_target (f, true);
}

void
cd_continue (cd_func *f, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_CONTINUE, loc);
  e->ref = jump_target (f, false);
}

void
cd_return (cd_func *f, cd_loc loc)
{
  add_event (f, CD_EV_RETURN, loc);
}

void
cd_nonlocal_goto (cd_func *f, const char *label_name, cd_loc loc)
{
  struct cd_event *e = add_event (f, CD_EV_NONLOCAL_GOTO, loc);
  e->name = label_name;
}

void
cd_nonlocal_entry (cd_func *f, const char *fn_name, const void *const *keys,
		   int n, cd_loc loc)
{
  int first = add_targets (f, keys, n);
  for (int i = 0; i < n; i++)
    LABEL (f, TARGET (f, first + i))->nonlocal = true;
  struct cd_event *e = add_event (f, CD_EV_NONLOCAL_ENTRY, loc);
  e->ref = first;
  e->nref = n;
  e->name = fn_name;
}

void
cd_call (cd_func *f, const char *name, bool returns_twice, cd_loc loc)
{
  enum cd_call_class c = returns_twice ? CD_CALL_SETJMP
					 : cd_classify_call (name);
  if (c == CD_CALL_SETJMP)
    f->calls_setjmp = true;
  switch (c)
    {
    case CD_CALL_EXIT:
    case CD_CALL_THREAD_EXIT:
    case CD_CALL_LONGJMP:
    case CD_CALL_SETJMP:
      break;
    default:
      return;
    }
  struct cd_event *e = add_event (f, CD_EV_CALL, loc);
  e->ref = c;
  e->name = name;
}
