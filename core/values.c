/* SPDX-License-Identifier: GPL-3.0-or-later */
/* values.c - the rules about variables and their values (SPEC section 4):
   escaping-capture, address-escape, defer-before-check and
   released-value-escapes, decided from the facts the backends report
   (cdefer-core.h, "values"), and the builder calls that record them.

   The facts are flow-insensitive events in source order inside the tree
   of blocks.  Where a rule needs to know what holds at one point ("the
   defer is registered here", "ok is 1 here"), it asks a conservative
   question of the block structure: did the earlier event certainly run,
   and run last, on every path to the later one (runs_before)?  A "no"
   only ever costs a warning, never an error.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-internal.h"

#define VALUE(f, i) (&CD_AT ((f)->values, struct cd_value_rec, i))
#define DCALL(f, i) (&CD_AT ((f)->dcalls, struct cd_dcall_rec, i))

/* ---- recording ---- */

static struct cd_xexpr
intern_expr (cd_func *f, struct cd_expr e)
{
  struct cd_xexpr x = { e.kind, -1, e.value, e.bare };
  if (e.var && e.kind != CD_EXPR_OTHER && e.kind != CD_EXPR_CALL
      && e.kind != CD_EXPR_CONST)
    x.var = cd_var_of (f, e.var);
  else
    x.kind = e.kind == CD_EXPR_CALL || e.kind == CD_EXPR_CONST
	     ? e.kind : CD_EXPR_OTHER;
  return x;
}

/* An event of KIND with a fresh value record.  */
static struct cd_value_rec *
add_value_event (cd_func *f, enum cd_event_kind kind, cd_loc loc)
{
  struct cd_event *e = cd_add_event (f, kind, loc);
  cd_array_push (&f->values);
  e->value = f->values.n - 1;
  return VALUE (f, e->value);
}

void
cd_var (cd_func *f, const void *key, const char *name, cd_loc loc,
	enum cd_storage storage, unsigned flags)
{
  int id = cd_var_of (f, key);
  struct cd_var_rec *v = VAR (f, id);
  if (v->event >= 0)
    return;			/* declared already */
  struct cd_event *e = cd_add_event (f, CD_EV_VAR, loc);
  e->ref = id;
  v->name = name;
  v->loc = loc;
  v->storage = storage;
  v->flags = flags;
  v->event = f->events.n - 1;
}

void
cd_use (cd_func *f, const void *key, cd_loc loc, enum cd_use_kind how)
{
  struct cd_event *e = cd_add_event (f, CD_EV_USE, loc);
  e->ref = cd_var_of (f, key);
  e->value = how;
}

void
cd_assign (cd_func *f, struct cd_expr lhs, struct cd_expr value, cd_loc loc)
{
  if (lhs.kind == CD_EXPR_OTHER || !lhs.var)
    return;
  struct cd_value_rec *r = add_value_event (f, CD_EV_ASSIGN, loc);
  r->a = intern_expr (f, lhs);
  r->b = intern_expr (f, value);
}

void
cd_arg (cd_func *f, const char *fn, int index, struct cd_expr arg,
	unsigned flags, cd_loc loc)
{
  /* a constant or a call's result leaves nothing of a variable's */
  if (!fn || arg.kind == CD_EXPR_OTHER || arg.kind == CD_EXPR_CONST
      || arg.kind == CD_EXPR_CALL)
    return;
  struct cd_value_rec *r = add_value_event (f, CD_EV_ARG, loc);
  r->a = intern_expr (f, arg);
  r->fn = fn;
  r->index = index;
  r->flags = flags;
}

void
cd_return_value (cd_func *f, cd_loc loc, struct cd_expr e, cd_loc at,
		 cd_loc end)
{
  struct cd_value_rec *r = add_value_event (f, CD_EV_RETURN_VALUE, loc);
  r->a = intern_expr (f, e);
  r->at = at;
  r->end = end;
}

void
cd_test (cd_func *f, const void *key, bool failure, cd_loc loc, cd_loc end)
{
  struct cd_value_rec *r = add_value_event (f, CD_EV_TEST, loc);
  r->var = cd_var_of (f, key);
  r->failure = failure;
  r->end = end;
}

void
cd_test_zero (cd_func *f)
{
  struct cd_event *e = f->events.n ? EVENT (f, f->events.n - 1) : NULL;
  if (e && e->kind == CD_EV_TEST)
    VALUE (f, e->value)->zero = true;
}

void
cd_defer_call (cd_func *f, int defer, const struct cd_deferred_call *c)
{
  struct cd_dcall_rec *r = cd_array_push (&f->dcalls);
  r->defer = defer;
  r->fn = c->fn;
  r->nargs = c->nargs;
  r->args = calloc (c->nargs ? c->nargs : 1, sizeof *r->args);
  if (!r->args)
    abort ();
  for (int i = 0; i < c->nargs; i++)
    {
      r->args[i] = intern_expr (f, c->args[i]);
      if (r->args[i].kind == CD_EXPR_CONST || r->args[i].kind == CD_EXPR_CALL)
	r->args[i].kind = CD_EXPR_OTHER;	/* the rules follow variables */
    }
  r->releases = c->releases;
  r->null_ok = c->null_ok;
  r->conditional = c->conditional;
  r->cond_var = c->conditional && c->cond_var ? cd_var_of (f, c->cond_var)
					       : -1;
  r->cond_equal = c->cond_equal;
  r->cond_value = c->cond_value;
}

void
cd_values_free (cd_func *f)
{
  for (int i = 0; i < f->dcalls.n; i++)
    free (DCALL (f, i)->args);
  free (f->dcalls.v);
  free (f->values.v);
  free (f->derived);
}

/* ---- what the facts say ---- */

static bool
declared (cd_func *f, int v)
{
  return v >= 0 && VAR (f, v)->event >= 0;
}

static int
var_block (cd_func *f, int v)
{
  return EVENT (f, VAR (f, v)->event)->block;
}

/* Static storage, or a variable of an enclosing function: it outlives
   this frame.  */
static bool
outlives_frame (cd_func *f, int v)
{
  return v >= 0 && (!declared (f, v) || VAR (f, v)->storage == CD_STATIC);
}

/* Does V's storage die with the frame (an automatic variable or a nested
   function, whose trampoline is on the stack)?  */
static bool
on_stack (cd_func *f, int v)
{
  return declared (f, v) && (VAR (f, v)->storage == CD_AUTO
			     || VAR (f, v)->storage == CD_NESTED_FUNCTION);
}

/* The variable of the defer's deferred call, if the rules may follow it:
   an automatic variable or a parameter, not an array.  */
static bool
followed (cd_func *f, int v)
{
  return declared (f, v) && (VAR (f, v)->storage == CD_AUTO
			     || VAR (f, v)->storage == CD_PARAM)
	 && !(VAR (f, v)->flags & CD_VAR_ARRAY);
}

static bool derived (cd_func *f, int v);

/* Does a pointer to memory that outlives the frame come out of E?  */
static bool
points_outside (cd_func *f, const struct cd_xexpr *e)
{
  switch (e->kind)
    {
    case CD_EXPR_VAR:
    case CD_EXPR_DEREF:
      return outlives_frame (f, e->var)
	     || (declared (f, e->var) && VAR (f, e->var)->storage == CD_PARAM)
	     || derived (f, e->var);
    case CD_EXPR_ADDRESS:
      return outlives_frame (f, e->var);
    case CD_EXPR_MEMBER:
      return outlives_frame (f, e->var)
	     || (declared (f, e->var) && VAR (f, e->var)->storage == CD_PARAM);
    default:
      return false;
    }
}

/* Local variables that hold a pointer derived from a parameter or a
   global (`struct ctx *c = arg;`): a store through them reaches memory
   that outlives the frame.  Flow-insensitive: one such assignment
   anywhere is enough.  */
static void
find_derived (cd_func *f)
{
  f->derived = calloc (f->vars.n ? f->vars.n : 1, 1);
  if (!f->derived)
    abort ();
  for (bool changed = true; changed;)
    {
      changed = false;
      for (int i = 0; i < f->events.n; i++)
	{
	  struct cd_event *e = EVENT (f, i);
	  if (e->kind != CD_EV_ASSIGN)
	    continue;
	  struct cd_value_rec *r = VALUE (f, e->value);
	  int v = r->a.var;
	  if (r->a.kind == CD_EXPR_VAR && declared (f, v)
	      && VAR (f, v)->storage == CD_AUTO && !f->derived[v]
	      && points_outside (f, &r->b))
	    f->derived[v] = changed = true;
	}
    }
}

static bool
derived (cd_func *f, int v)
{
  if (!f->derived)
    find_derived (f);
  return v >= 0 && v < f->vars.n && f->derived[v];
}

/* Does a store into LHS put the value where it outlives the frame?  */
static bool
store_outlives_frame (cd_func *f, const struct cd_xexpr *lhs)
{
  switch (lhs->kind)
    {
    case CD_EXPR_VAR:
    case CD_EXPR_MEMBER:
      return outlives_frame (f, lhs->var);
    case CD_EXPR_DEREF:
      return points_outside (f, lhs);
    default:
      return false;
    }
}

/* ---- positions and blocks ---- */

/* The index of the first event at a position after POS.  */
static int
first_event_after (cd_func *f, int pos)
{
  int lo = 0, hi = f->events.n;
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      if (EVENT (f, mid)->pos <= pos)
	lo = mid + 1;
      else
	hi = mid;
    }
  return lo;
}

/* Is LABEL the target of a jump from outside the positions between LO
   and HI?  A jump from after HI inside block AFTER_OK (-1: none) does not
   count: it comes from code that ran what is at LO.  */
static bool
label_jumped_from_outside (cd_func *f, int label, int lo, int hi,
			   int after_ok)
{
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      bool outside = e->pos <= lo
		     || (e->pos >= hi
			 && !(after_ok >= 0
			      && cd_block_contains (f, after_ok, e->block)));
      switch (e->kind)
	{
	case CD_EV_LABEL_ADDRESS:
	  if (e->ref == label)
	    return true;	/* a computed goto may come from anywhere */
	  break;
	case CD_EV_GOTO:
	  if (e->ref == label && outside)
	    return true;
	  break;
	case CD_EV_ASM_GOTO:
	case CD_EV_NONLOCAL_ENTRY:
	  for (int k = 0; k < e->nref; k++)
	    if (CD_AT (f->targets, int, e->ref + k) == label
		&& (outside || e->kind == CD_EV_NONLOCAL_ENTRY))
	      return true;
	  break;
	default:
	  break;
	}
    }
  return false;
}

/* Can control enter the positions between LO and HI (both excluded)
   other than from LO: a case label, or a label that a jump from outside
   targets (AFTER_OK: as for label_jumped_from_outside)?  */
static bool
entered_between (cd_func *f, int lo, int hi, int after_ok)
{
  for (int i = first_event_after (f, lo);
       i < f->events.n && EVENT (f, i)->pos < hi; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind == CD_EV_CASE)
	return true;
      if (e->kind == CD_EV_LABEL
	  && label_jumped_from_outside (f, e->ref, lo, hi, after_ok))
	return true;
    }
  return false;
}

/* Has event A certainly been executed, in this frame, whenever control
   reaches event P?  A's block holds P, and nothing enters between them
   (AFTER: a jump back from code after P in A's block has run A too).
   With AFTER, this is all that a defer's registration needs.  */
static bool
executed_before (cd_func *f, int a, int p, bool after)
{
  struct cd_event *ea = EVENT (f, a), *ep = EVENT (f, p);
  return ea->pos < ep->pos && cd_block_contains (f, ea->block, ep->block)
	 && !entered_between (f, ea->pos, ep->pos, after ? ea->block : -1);
}

/* ... and is it the last of its kind before P: A runs again before every
   arrival at P (a loop around P is a loop around A too), and P is not in
   a deferred body that runs at the scope's end, after whatever follows
   A.  Then the last write before P in source order is the value at P.  */
static bool
runs_before (cd_func *f, int a, int p)
{
  if (!executed_before (f, a, p, false))
    return false;
  int ab = EVENT (f, a)->block;
  for (int b = EVENT (f, p)->block; b != ab; b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->kind == CD_BLOCK_DEFER)
      return false;
  for (int b = EVENT (f, p)->block; b >= 0; b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->kind == CD_BLOCK_LOOP && !BLOCK (f, b)->once)
      return b != ab && cd_block_contains (f, b, ab);
  return true;
}

/* Is event I a write to variable V: an assignment to it, or its address
   taken (after which anything may write it)?  */
static bool
writes (cd_func *f, int i, int v)
{
  struct cd_event *e = EVENT (f, i);
  if (e->kind == CD_EV_USE)
    return e->ref == v && e->value == CD_USE_ADDRESS;
  return e->kind == CD_EV_ASSIGN && VALUE (f, e->value)->a.kind == CD_EXPR_VAR
	 && VALUE (f, e->value)->a.var == v;
}

static bool
address_taken (cd_func *f, int v)
{
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->kind == CD_EV_USE && EVENT (f, i)->ref == v
	&& EVENT (f, i)->value == CD_USE_ADDRESS)
      return true;
  return false;
}

/* Is V written at a position between LO and HI (both excluded)?  */
static bool
written_between (cd_func *f, int v, int lo, int hi)
{
  for (int i = first_event_after (f, lo);
       i < f->events.n && EVENT (f, i)->pos < hi; i++)
    if (writes (f, i, v))
      return true;
  return false;
}

/* The assignment that certainly gave V its value at event P, or -1.  */
static int
last_assignment (cd_func *f, int v, int p)
{
  if (!declared (f, v) || VAR (f, v)->storage != CD_AUTO
      || address_taken (f, v))
    return -1;
  for (int i = p - 1; i >= 0; i--)
    if (writes (f, i, v))
      return runs_before (f, i, p) ? i : -1;
  return -1;
}

/* V's value at event P if it is visibly an integer constant.  */
static bool
known_value (cd_func *f, int v, int p, long long *value)
{
  int a = last_assignment (f, v, p);
  if (a < 0 || VALUE (f, EVENT (f, a)->value)->b.kind != CD_EXPR_CONST)
    return false;
  *value = VALUE (f, EVENT (f, a)->value)->b.value;
  return true;
}

/* ---- diagnostics ---- */

static const char *
var_name (cd_func *f, int v)
{
  return VAR (f, v)->name ? VAR (f, v)->name : "?";
}

static void
add_note (cd_func *f, struct cd_diag *d, cd_loc loc, const char *fmt,
	  const char *arg)
{
  char *buf = f->note_text[d->nnotes];
  snprintf (buf, sizeof f->note_text[0], fmt, arg);
  d->notes[d->nnotes].loc = loc;
  d->notes[d->nnotes].text = buf;
  d->nnotes++;
}

/* ---- escaping-capture ---- */

/* The deferred body of defer D uses an automatic variable declared in a
   block nested in D's scope (not the scope's own block): that block has
   ended, and the variable is dead, when the body runs.  A loop between
   the defer and its scope is reported as defer-in-loop instead: making
   the loop body a scope fixes both.  One report per defer.  */
static void
check_escaping_capture (cd_func *f, struct cd_defer_rec *d)
{
  if (d->owner < 0 || d->in_loop)
    return;
  struct cd_block *body = BLOCK (f, d->body);
  for (int i = first_event_after (f, body->first_pos);
       i < f->events.n && EVENT (f, i)->pos < body->last_pos; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind != CD_EV_USE || e->value == CD_USE_UNEVALUATED
	  || !declared (f, e->ref) || VAR (f, e->ref)->storage != CD_AUTO)
	continue;
      int vb = var_block (f, e->ref);
      if (vb == d->owner || cd_scope_of (f, vb) != d->owner)
	continue;
      struct cd_var_rec *v = VAR (f, e->ref);
      struct cd_diag diag = { .id = CD_DIAG_ESCAPING_CAPTURE,
			      .loc = e->loc, .arg = var_name (f, e->ref) };
      add_note (f, &diag, v->loc, "'%s' is declared in a block that ends "
		"before the deferred body runs; make that block a 'scope'",
		var_name (f, e->ref));
      if (BLOCK (f, vb)->kind == CD_BLOCK_COMPOUND)
	{
	  diag.fixit = CD_FIX_SCOPE_BEFORE;
	  diag.fix_at = BLOCK (f, vb)->loc;
	}
      cd_emit (f, &diag);
      return;
    }
}

/* ---- address-escape ---- */

static void
report_address_escape (cd_func *f, cd_loc loc, int v)
{
  struct cd_diag diag = { .id = CD_DIAG_ADDRESS_ESCAPE, .loc = loc,
			  .arg = var_name (f, v) };
  add_note (f, &diag, VAR (f, v)->loc,
	    VAR (f, v)->storage == CD_NESTED_FUNCTION
	    ? "'%s' is a nested function: it lives in the stack frame"
	    : "'%s' is an automatic variable: its storage ends with the frame",
	    var_name (f, v));
  cd_emit (f, &diag);
}

/* Does the callee keep argument INDEX, which is the address of V?  */
static bool
retained (cd_func *f, const struct cd_value_rec *r, int v)
{
  bool function = declared (f, v)
		  && VAR (f, v)->storage == CD_NESTED_FUNCTION;
  return (r->flags & CD_ARG_RETAINED)
	 || cd_call_retains_arg (r->fn, r->index, function);
}

/* The deferred body of D lets the address of an automatic variable or a
   nested function outlive the frame: it stores the address where the
   frame's end does not reach, or hands it to a function that keeps it.
   One report per defer.  */
static void
check_address_escape (cd_func *f, struct cd_defer_rec *d)
{
  struct cd_block *body = BLOCK (f, d->body);
  for (int i = first_event_after (f, body->first_pos);
       i < f->events.n && EVENT (f, i)->pos < body->last_pos; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind != CD_EV_ASSIGN && e->kind != CD_EV_ARG)
	continue;
      struct cd_value_rec *r = VALUE (f, e->value);
      const struct cd_xexpr *what = e->kind == CD_EV_ASSIGN ? &r->b : &r->a;
      if (what->kind != CD_EXPR_ADDRESS || !on_stack (f, what->var))
	continue;
      if (e->kind == CD_EV_ASSIGN ? store_outlives_frame (f, &r->a)
				  : retained (f, r, what->var))
	{
	  report_address_escape (f, e->loc, what->var);
	  return;
	}
    }
}

/* ---- defer-before-check ---- */

static struct cd_dcall_rec *
deferred_call (cd_func *f, int defer)
{
  for (int i = 0; i < f->dcalls.n; i++)
    if (DCALL (f, i)->defer == defer)
      return DCALL (f, i);
  return NULL;
}

static bool
assigned_from_call (cd_func *f, int v)
{
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind == CD_EV_ASSIGN && writes (f, i, v)
	  && VALUE (f, e->value)->b.kind == CD_EXPR_CALL)
	return true;
    }
  return false;
}

/* `v = open (...); defer close (v); if (v < 0) ...`: the deferred body
   runs close (-1) on the error path.  The body is one unconditional call
   whose first argument is an automatic variable that some call assigned;
   the first `if` after the defer, in its scope, that mentions the
   variable tests it for failure.  Not for release functions that accept
   NULL.  */
static void
check_defer_before_check (cd_func *f, int id)
{
  struct cd_defer_rec *d = DEFER (f, id);
  struct cd_dcall_rec *c = deferred_call (f, id);
  if (!c || c->conditional || !c->fn || c->nargs < 1
      || c->args[0].kind != CD_EXPR_VAR || c->null_ok
      || cd_release_accepts_null (c->fn))
    return;
  int v = c->args[0].var;
  if (!declared (f, v) || VAR (f, v)->storage != CD_AUTO
      || (VAR (f, v)->flags & CD_VAR_ARRAY) || !assigned_from_call (f, v))
    return;
  for (int i = first_event_after (f, BLOCK (f, d->body)->last_pos);
       i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind != CD_EV_TEST || VALUE (f, e->value)->var != v
	  || d->owner < 0 || !cd_block_contains (f, d->owner, e->block))
	continue;
      struct cd_value_rec *t = VALUE (f, e->value);
      if (!t->failure)
	return;		/* the first test of V is not a failure check */
      struct cd_diag diag = { .id = CD_DIAG_DEFER_BEFORE_CHECK,
			      .loc = d->loc, .arg = var_name (f, v) };
      add_note (f, &diag, e->loc, "'%s' is checked for failure here; "
		"register the 'defer' after this check", var_name (f, v));
      diag.fixit = CD_FIX_MOVE_AFTER;
      diag.fix_at = d->loc;
      diag.fix_end = t->end;
      cd_emit (f, &diag);
      return;
    }
}

/* ---- released-value-escapes ---- */

/* Does the deferred call C release variable V (argument I)?  */
static bool
releases_arg (const struct cd_dcall_rec *c, int i)
{
  return (i == 0 && cd_classify_call (c->fn) == CD_CALL_RELEASE)
	 || (i < 64 && (c->releases >> i & 1));
}

static int
released_variable (cd_func *f, const struct cd_dcall_rec *c, int i)
{
  if (!c->fn || !releases_arg (c, i) || c->args[i].kind != CD_EXPR_VAR
      || !followed (f, c->args[i].var))
    return -1;
  return c->args[i].var;
}

/* Does W hold, at event P, the value that V holds there: W is V, or the
   assignment that gave W its value copied V, and V has not changed
   since?  */
static bool
same_value (cd_func *f, int w, int v, int p)
{
  if (w == v)
    return true;
  int a = last_assignment (f, w, p);
  if (a < 0)
    return false;
  struct cd_value_rec *r = VALUE (f, EVENT (f, a)->value);
  return r->b.kind == CD_EXPR_VAR && r->b.var == v
	 && !written_between (f, v, EVENT (f, a)->pos, EVENT (f, p)->pos);
}

/* Is the condition of the conditional release C visibly false when the
   scope exits right at event P (a return)?  */
static bool
condition_false_at (cd_func *f, const struct cd_dcall_rec *c, int p)
{
  long long x;
  if (c->cond_var < 0 || !known_value (f, c->cond_var, p, &x))
    return false;
  return (x == c->cond_value) != c->cond_equal;
}

/* Does defer D's body release, at the end of its scope, the value that
   W holds at event P?  RETURNS: P is a return, so the scope ends right
   there; otherwise (a store, a call that keeps the value) the scope ends
   later, and a write to the released variable or to the condition's
   variable before then may change what is released.  Sets *V to the
   released variable.  */
static bool
defer_releases_value (cd_func *f, int id, int w, int p, bool returns,
		      int *v)
{
  struct cd_defer_rec *d = DEFER (f, id);
  struct cd_dcall_rec *c = deferred_call (f, id);
  struct cd_event *ep = EVENT (f, p);
  if (!c || d->owner < 0 || ep->pos < BLOCK (f, d->body)->last_pos
      || !cd_block_contains (f, d->owner, ep->block)
      || !executed_before (f, d->event, p, true))
    return false;
  int end = BLOCK (f, d->owner)->last_pos;
  for (int i = 0; i < c->nargs; i++)
    {
      *v = released_variable (f, c, i);
      if (*v < 0 || !same_value (f, w, *v, p))
	continue;
      long long zero;
      if (returns && known_value (f, *v, p, &zero) && zero == 0)
	continue;		/* `v = NULL; return v;` */
      if (!returns && written_between (f, *v, ep->pos, end))
	continue;		/* handed out, then reassigned */
      if (c->conditional
	  && (condition_false_at (f, c, p)
	      || (!returns && c->cond_var >= 0
		  && written_between (f, c->cond_var, ep->pos, end))))
	continue;
      return true;
    }
  return false;
}

/* The variable whose value event P lets escape the scope, or -1; *RETURNS
   says whether P is a return.  */
static int
escaping_variable (cd_func *f, int p, bool *returns)
{
  struct cd_event *e = EVENT (f, p);
  *returns = e->kind == CD_EV_RETURN_VALUE;
  if (e->kind != CD_EV_RETURN_VALUE && e->kind != CD_EV_ASSIGN
      && e->kind != CD_EV_ARG)
    return -1;
  struct cd_value_rec *r = VALUE (f, e->value);
  const struct cd_xexpr *x = e->kind == CD_EV_ASSIGN ? &r->b : &r->a;
  if (x->kind != CD_EXPR_VAR || !followed (f, x->var))
    return -1;
  if (e->kind == CD_EV_ASSIGN && !store_outlives_frame (f, &r->a))
    return -1;
  if (e->kind == CD_EV_ARG && !(r->flags & CD_ARG_RETAINED)
      && !cd_call_retains_arg (r->fn, r->index, false))
    return -1;
  return x->var;
}

static void
report_released_value (cd_func *f, int p, int w, int id, int v)
{
  struct cd_event *e = EVENT (f, p);
  struct cd_diag diag = { .id = CD_DIAG_RELEASED_VALUE_ESCAPES,
			  .loc = e->loc, .arg = var_name (f, w) };
  if (w != v)
    add_note (f, &diag, VAR (f, w)->loc, "'%s' holds a copy of the "
	      "pointer that the deferred body releases", var_name (f, w));
  add_note (f, &diag, DEFER (f, id)->loc, "'%s' is released by this "
	    "deferred body", var_name (f, v));
  struct cd_value_rec *r = VALUE (f, e->value);
  if (e->kind == CD_EV_RETURN_VALUE && w == v && r->a.bare)
    {
      diag.fixit = CD_FIX_TAKE;
      diag.fix_at = r->at;
      diag.fix_end = r->end;
    }
  cd_emit (f, &diag);
}

/* A value that a deferred body releases when its scope exits is
   returned, stored where it outlives the scope, or handed to a function
   that keeps it, after the defer is registered.  */
static void
check_released_value_escapes (cd_func *f)
{
  if (!f->dcalls.n)
    return;
  for (int p = 0; p < f->events.n; p++)
    {
      bool returns;
      int w = escaping_variable (f, p, &returns), v;
      if (w < 0)
	continue;
      for (int id = 0; id < f->defers.n; id++)
	if (defer_releases_value (f, id, w, p, returns, &v))
	  {
	    report_released_value (f, p, w, id, v);
	    break;
	  }
    }
}

void
cd_check_defer_values (cd_func *f, int id)
{
  check_escaping_capture (f, DEFER (f, id));
  check_defer_before_check (f, id);
  check_address_escape (f, DEFER (f, id));
}

void
cd_check_released_values (cd_func *f)
{
  check_released_value_escapes (f);
}
