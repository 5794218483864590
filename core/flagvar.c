/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flagvar.c - a flag the program already has (issue 17).

   A defer inside `if (c) { v = acquire (); if (!v) return; defer ... }`
   needs a flag (SPEC 3.7), but the program keeps the same fact in v: v is
   nonzero exactly when the defer was reached.  A flag of its own is one
   more value live across every call of the function, set on both paths
   and tested at the exit, where hand-written code tests v and the
   compiler threads that test into the paths that decided it.  This file
   finds the variable when that equivalence can be proved from the
   description alone (see cd_defer_flag_var in cdefer-core.h); the answer
   never changes what the program does, only which value says it.

   The facts it needs per variable and per label are gathered in one pass
   over the events the first time a function is asked, so that asking for
   every defer stays linear.  */
#include <limits.h>
#include <stdlib.h>

#include "core-internal.h"

#define VALUE(f, i) (&CD_AT ((f)->values, struct cd_value_rec, i))

struct var_facts
{
  int nassign;			/* assignments, the initializer included */
  int first, last;		/* the first and the last, as event indices */
  bool addressed;		/* &v somewhere */
};

struct cd_flag_facts
{
  struct var_facts *vars;
  int *last_src;		/* per label: position of its latest jump */
  int *entries;			/* entries[i]: labels and case labels among
				   events 0 .. i-1 */
  bool nested_function;		/* a nested function may write any local */
};

static void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size);
  if (!p)
    abort ();
  return p;
}

static void
note_var_event (struct cd_flag_facts *ff, cd_func *f, int i)
{
  struct cd_event *e = EVENT (f, i);
  if (e->kind == CD_EV_USE && e->value == CD_USE_ADDRESS)
    ff->vars[e->ref].addressed = true;
  if (e->kind == CD_EV_ASSIGN)
    {
      struct cd_value_rec *r = VALUE (f, e->value);
      if (r->a.kind != CD_EXPR_VAR || r->a.var < 0)
	return;
      struct var_facts *v = &ff->vars[r->a.var];
      if (v->nassign++ == 0)
	v->first = i;
      v->last = i;
    }
}

static void
note_jump_source (struct cd_flag_facts *ff, int label, int pos)
{
  if (pos > ff->last_src[label])
    ff->last_src[label] = pos;
}

static struct cd_flag_facts *
flag_facts (cd_func *f)
{
  if (f->flag_facts)
    return f->flag_facts;
  struct cd_flag_facts *ff = xcalloc (1, sizeof *ff);
  ff->vars = xcalloc (f->vars.n, sizeof *ff->vars);
  ff->last_src = xcalloc (f->labels.n, sizeof *ff->last_src);
  ff->entries = xcalloc (f->events.n + 1, sizeof *ff->entries);
  for (int l = 0; l < f->labels.n; l++)
    ff->last_src[l] = INT_MIN;
  for (int v = 0; v < f->vars.n; v++)
    if (VAR (f, v)->storage == CD_NESTED_FUNCTION)
      ff->nested_function = true;
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      note_var_event (ff, f, i);
      if (e->kind == CD_EV_GOTO && e->ref >= 0)
	note_jump_source (ff, e->ref, e->pos);
      if (e->kind == CD_EV_ASM_GOTO)
	for (int t = 0; t < e->nref; t++)
	  note_jump_source (ff, TARGET (f, e->ref + t), e->pos);
      ff->entries[i + 1] = ff->entries[i]
			   + (e->kind == CD_EV_LABEL || e->kind == CD_EV_CASE);
    }
  f->flag_facts = ff;
  return ff;
}

void
cd_flag_facts_free (cd_func *f)
{
  struct cd_flag_facts *ff = f->flag_facts;
  if (!ff)
    return;
  free (ff->vars);
  free (ff->last_src);
  free (ff->entries);
  free (ff);
  f->flag_facts = NULL;
}

/* Does every block from B up to (not including) OWNER run its statements
   at most once per entry of OWNER, in order: only if statements, their
   arms and plain blocks?  */
static bool
straight_path (cd_func *f, int b, int owner)
{
  for (; b != owner; b = BLOCK (f, b)->parent)
    {
      if (b < 0)
	return false;
      enum cd_block_kind k = BLOCK (f, b)->kind;
      if (k != CD_BLOCK_IF && k != CD_BLOCK_COMPOUND
	  && k != CD_BLOCK_STATEMENT)
	return false;
    }
  return true;
}

/* The block around event I that is a child of block PARENT, or -1.  */
static int
child_around (cd_func *f, int i, int parent)
{
  for (int b = EVENT (f, i)->block; b >= 0; b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->parent == parent)
      return b;
  return -1;
}

/* Is a block opened at a position in (END_POS, POS), other than block B
   and the ones nested in it (END_POS: B's end)?  Blocks are numbered in
   the order they open.  */
static bool
block_opened_between (cd_func *f, int b, int end_pos, int pos)
{
  for (int k = b + 1; k < f->blocks.n; k++)
    {
      int first = BLOCK (f, k)->first_pos;
      if (first > end_pos)
	return first < pos;
    }
  return false;
}

static bool
is_jump (enum cd_event_kind k)
{
  return k == CD_EV_RETURN || k == CD_EV_GOTO || k == CD_EV_BREAK
	 || k == CD_EV_CONTINUE;
}

/* The variable V when the `if` block X is exactly `if (!V) JUMP;`: its
   condition reads V alone and tests it for zero, it has one arm and no
   else, the arm holds no block, no label and an unconditional jump.
   Returns V's id and sets *FIRST to X's first event, or -1.  LAST is X's
   last event.  */
static int
null_check (cd_func *f, int x, int last, int *first)
{
  struct cd_block *xb = BLOCK (f, x);
  int arm = x + 1;
  if (arm >= f->blocks.n || BLOCK (f, arm)->parent != x
      || BLOCK (f, arm)->role != CD_ROLE_IF_ARM
      || (arm + 1 < f->blocks.n
	  && BLOCK (f, arm + 1)->first_pos < xb->last_pos))
    return -1;			/* a block in the arm, or an else arm */
  int var = -1;
  bool jumps = false;
  int i = last;
  for (; i >= 0 && EVENT (f, i)->pos > xb->first_pos; i--)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->block == arm)
	{
	  if (e->kind == CD_EV_LABEL || e->kind == CD_EV_CASE
	      || e->kind == CD_EV_DEFER)
	    return -1;
	  jumps = jumps || is_jump (e->kind);
	}
      else if (e->block != x)
	return -1;
      else if (e->kind == CD_EV_TEST)
	{
	  struct cd_value_rec *r = VALUE (f, e->value);
	  if (!r->zero || var >= 0)
	    return -1;
	  var = r->var;
	}
      else if (!(e->kind == CD_EV_USE && e->value == CD_USE_READ))
	return -1;
    }
  *first = i + 1;
  return jumps ? var : -1;
}

/* Can a jump reach a label after position INIT in block OWNER from before
   INIT or from outside OWNER?  */
static bool
entered_from_outside (cd_func *f, struct cd_flag_facts *ff, int owner,
		      int init)
{
  const int *src = cd_label_sources (f);
  struct cd_block *ob = BLOCK (f, owner);
  for (int l = 0; l < f->labels.n; l++)
    {
      struct cd_label_rec *lr = LABEL (f, l);
      if (lr->event < 0)
	continue;
      struct cd_event *e = EVENT (f, lr->event);
      if (e->pos < init || !cd_block_contains (f, owner, e->block))
	continue;
      if (src[l] == INT_MAX)
	continue;		/* nothing jumps to it */
      if (src[l] < init || ff->last_src[l] > ob->last_pos)
	return true;
    }
  return false;
}

const void *
cd_defer_flag_var (cd_func *f, int defer)
{
  struct cd_defer_rec *d = DEFER (f, defer);
  struct cd_event *de = EVENT (f, d->event);
  int owner = d->owner;
  enum cd_block_kind ok = BLOCK (f, owner)->kind;
  if (f->model != CD_MODEL_GO || f->calls_setjmp || d->event == 0
      || (ok != CD_BLOCK_FUNCTION && ok != CD_BLOCK_SCOPE)
      || de->block == owner || !straight_path (f, de->block, owner))
    return NULL;
  struct cd_flag_facts *ff = flag_facts (f);
  if (ff->nested_function)
    return NULL;
  /* The statement before D: `if (!v) JUMP;`, nothing between.  */
  int last = d->event - 1;
  int x = child_around (f, last, de->block);
  if (x < 0 || BLOCK (f, x)->kind != CD_BLOCK_IF
      || block_opened_between (f, x, BLOCK (f, x)->last_pos, de->pos))
    return NULL;
  int first;
  int v = null_check (f, x, last, &first);
  if (v < 0 || first == 0)
    return NULL;
  /* The statement before that: `v = E;`, nothing between.  */
  int a = first - 1;
  struct cd_event *ae = EVENT (f, a);
  if (ae->kind != CD_EV_ASSIGN || ae->block != de->block
      || (x > 0 && BLOCK (f, x - 1)->first_pos > ae->pos))
    return NULL;
  struct cd_value_rec *ar = VALUE (f, ae->value);
  if (ar->a.kind != CD_EXPR_VAR || !ar->a.bare || ar->a.var != v)
    return NULL;
  /* v: a local of the scope, zero from its initializer on, assigned
     nowhere but there and here.  */
  struct cd_var_rec *vr = VAR (f, v);
  struct var_facts *vf = &ff->vars[v];
  if (vr->event < 0 || vr->storage != CD_AUTO || (vr->flags & CD_VAR_ARRAY)
      || EVENT (f, vr->event)->block != owner || vf->addressed
      || vf->nassign != 2 || vf->last != a)
    return NULL;
  struct cd_event *ie = EVENT (f, vf->first);
  struct cd_value_rec *ir = VALUE (f, ie->value);
  if (ie->block != owner || ir->b.kind != CD_EXPR_CONST || ir->b.value != 0)
    return NULL;
  /* No way into the stretch from the initializer to D but from its
     start, and none into the rest of the scope from before it.  */
  if (ff->entries[d->event] != ff->entries[vf->first + 1]
      || entered_from_outside (f, ff, owner, ie->pos))
    return NULL;
  return vr->key;
}
