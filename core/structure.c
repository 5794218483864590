/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure.c - the rules of SPEC section 4 about where defers stand and
   how control moves: defer-in-loop, defer-in-plain-block, defer-body-label,
   empty-defer, jump-out-of-defer, defer-reexecuted, jump-into-scope,
   computed-goto-out-of-scope, exit-skips-defer, longjmp-skips-defer; and
   the flag decision of SPEC 3.7.  One function per rule, named after its
   ID; they read the record that func.c built.  */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-internal.h"

/* ---- small questions about the record ---- */

static bool
event_in (cd_func *f, int block, const struct cd_event *e)
{
  return cd_block_contains (f, block, e->block);
}

/* The event that defines label L, or NULL (a label of no statement: a
   goto to an undeclared label, which the compiler reports).  */
static struct cd_event *
label_event (cd_func *f, int l)
{
  int e = l >= 0 ? LABEL (f, l)->event : -1;
  return e >= 0 ? EVENT (f, e) : NULL;
}

static const char *
label_name (cd_func *f, int l)
{
  return LABEL (f, l)->name ? LABEL (f, l)->name : "?";
}

/* The innermost deferred body around block B, or -1.  */
static int
innermost_defer_body (cd_func *f, int b)
{
  for (; b >= 0; b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->kind == CD_BLOCK_DEFER)
      return b;
  return -1;
}

/* Where notes about block B point: a deferred body at its `defer`.  */
static cd_loc
block_note_loc (cd_func *f, int b)
{
  struct cd_block *k = BLOCK (f, b);
  return k->kind == CD_BLOCK_DEFER ? DEFER (f, k->defer)->loc : k->loc;
}

static void
add_note (struct cd_diag *d, cd_loc loc, const char *text)
{
  if (d->nnotes < CD_MAX_NOTES)
    {
      d->notes[d->nnotes].loc = loc;
      d->notes[d->nnotes].text = text;
      d->nnotes++;
    }
}

static struct cd_diag
diag (enum cd_diag_id id, cd_loc loc, const char *arg)
{
  struct cd_diag d;
  memset (&d, 0, sizeof d);
  d.id = id;
  d.loc = loc;
  d.arg = arg;
  return d;
}

/* ---- rules about one defer ---- */

/* defer-in-loop: a loop between the defer and its scope; it would
   register on every iteration.  The fix-it makes the innermost loop's
   body a scope, once per loop.  */
static void
check_defer_in_loop (cd_func *f, struct cd_defer_rec *d)
{
  int loop = -1, body = -1;
  struct cd_event *e = EVENT (f, d->event);
  for (int b = e->block, below = -1; b >= 0 && b != d->owner;
       below = b, b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->kind == CD_BLOCK_LOOP && !BLOCK (f, b)->once)
      {
	loop = b;
	body = below;
	break;
      }
  if (loop < 0)
    return;
  d->in_loop = true;
  struct cd_block *l = BLOCK (f, loop);
  struct cd_diag r = diag (CD_DIAG_DEFER_IN_LOOP, d->loc, NULL);
  if (!l->fixit_given && body >= 0
      && BLOCK (f, body)->role == CD_ROLE_LOOP_BODY)
    {
      struct cd_block *k = BLOCK (f, body);
      r.fixit = k->kind == CD_BLOCK_COMPOUND ? CD_FIX_SCOPE_BEFORE
					       : CD_FIX_WRAP_IN_SCOPE;
      r.fix_at = k->loc;
      r.fix_end = k->end;
      l->fixit_given = true;
    }
  add_note (&r, l->loc, "the loop is here; make its body a 'scope' to run "
	    "the deferred body at the end of each iteration");
  cd_emit (f, &r);
}

/* defer-in-plain-block (model go): `{ ... defer f (); ... }` runs f at the
   end of the enclosing scope, which a reader of the block may not
   expect.  */
static void
check_defer_in_plain_block (cd_func *f, struct cd_defer_rec *d)
{
  struct cd_block *b = BLOCK (f, EVENT (f, d->event)->block);
  if (f->model != CD_MODEL_GO || b->kind != CD_BLOCK_COMPOUND
      || b->role != CD_ROLE_BARE)
    return;
  struct cd_diag r = diag (CD_DIAG_DEFER_IN_PLAIN_BLOCK, d->loc, NULL);
  if (b->loc)
    {
      r.fixit = CD_FIX_SCOPE_BEFORE;
      r.fix_at = b->loc;
      add_note (&r, b->loc, "make this block a 'scope' to run it at the "
		"block's end");
    }
  cd_emit (f, &r);
}

/* defer-body-label: a deferred body may not start with a label (TS).  */
static void
check_defer_body_label (cd_func *f, struct cd_defer_rec *d)
{
  if (d->starts_with_label)
    {
      struct cd_diag r = diag (CD_DIAG_DEFER_BODY_LABEL, d->loc, NULL);
      cd_emit (f, &r);
    }
}

/* empty-defer: `defer ;` or `defer { }`.  */
static void
check_empty_defer (cd_func *f, struct cd_defer_rec *d)
{
  if (d->empty)
    {
      struct cd_diag r = diag (CD_DIAG_EMPTY_DEFER, d->loc, NULL);
      cd_emit (f, &r);
    }
}

void
cd_check_defer_structure (cd_func *f, int defer)
{
  struct cd_defer_rec *d = DEFER (f, defer);
  check_defer_in_loop (f, d);
  check_defer_body_label (f, d);
  check_defer_in_plain_block (f, d);
  check_empty_defer (f, d);
}

/* ---- calls that skip deferred bodies ---- */

/* The first defer registered, before position POS, in a scope around
   block B; or NULL.  */
static struct cd_defer_rec *
registered_before (cd_func *f, int pos, int b)
{
  for (int i = 0; i < f->defers.n; i++)
    {
      struct cd_defer_rec *d = DEFER (f, i);
      if (EVENT (f, d->event)->pos < pos && cd_block_contains (f, d->owner, b))
	return d;
    }
  return NULL;
}

/* exit-skips-defer: exit () while deferred bodies are pending in this
   function.  thrd_exit unwinds, and runs them, under -fexceptions;
   pthread_exit is for cannot-lower-portably, not this warning.  */
static void
check_exit_skips_defer (cd_func *f, struct cd_event *c)
{
  if (c->ref == CD_CALL_THREAD_EXIT
      && (f->unwinds || !c->name || strcmp (c->name, "thrd_exit") != 0))
    return;
  struct cd_defer_rec *d = registered_before (f, c->pos, c->block);
  if (!d)
    return;
  struct cd_diag r = diag (CD_DIAG_EXIT_SKIPS_DEFER, c->loc, c->name);
  add_note (&r, d->loc, "this deferred body would be pending");
  cd_emit (f, &r);
}

/* Is there a setjmp after defer D in its scope, the likely target of a
   longjmp that would otherwise skip D?  */
static bool
setjmp_after (cd_func *f, struct cd_defer_rec *d)
{
  int pos = EVENT (f, d->event)->pos;
  for (int i = d->event + 1; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind == CD_EV_CALL && e->ref == CD_CALL_SETJMP && e->pos > pos
	  && event_in (f, d->owner, e))
	return true;
    }
  return false;
}

/* longjmp-skips-defer: a longjmp with deferred bodies pending, unless a
   setjmp after those defers, in their scope, is the likely target (plain
   setjmp error handling inside one scope stays quiet).  */
static void
check_longjmp_skips_defer (cd_func *f, struct cd_event *c)
{
  for (int i = 0; i < f->defers.n; i++)
    {
      struct cd_defer_rec *d = DEFER (f, i);
      if (EVENT (f, d->event)->pos > c->pos || !event_in (f, d->owner, c)
	  || setjmp_after (f, d))
	continue;
      struct cd_diag r = diag (CD_DIAG_LONGJMP_SKIPS_DEFER, c->loc, c->name);
      add_note (&r, d->loc, "this deferred body would not run");
      cd_emit (f, &r);
      return;
    }
}

/* ---- jumps ---- */

static const char *
jump_name (enum cd_event_kind kind)
{
  switch (kind)
    {
    case CD_EV_RETURN: return "return";
    case CD_EV_BREAK: return "break";
    case CD_EV_CONTINUE: return "continue";
    case CD_EV_ASM_GOTO: return "asm goto";
    default: return "goto";
    }
}

/* The deferred body that jump J leaves, or -1.  */
static int
defer_body_left (cd_func *f, struct cd_event *j)
{
  int body = innermost_defer_body (f, j->block);
  if (body < 0)
    return -1;
  switch (j->kind)
    {
    case CD_EV_RETURN:
    case CD_EV_NONLOCAL_GOTO:
      return body;
    case CD_EV_BREAK:
    case CD_EV_CONTINUE:
      /* Its loop or switch is in the body, or it leaves it (also when
	 there is none: the marker loop hid that from the compiler).  */
      return j->ref >= 0 && cd_block_contains (f, body, j->ref) ? -1 : body;
    case CD_EV_GOTO:
      {
	struct cd_event *l = label_event (f, j->ref);
	return !l || event_in (f, body, l) ? -1 : body;
      }
    default:
      return -1;
    }
}

/* jump-out-of-defer: return, or a goto, break or continue whose target is
   outside the deferred body it is in.  */
static void
check_jump_out_of_defer (cd_func *f, struct cd_event *j)
{
  int body = defer_body_left (f, j);
  if (body < 0)
    return;
  struct cd_diag r = diag (CD_DIAG_JUMP_OUT_OF_DEFER, j->loc,
			   jump_name (j->kind));
  add_note (&r, block_note_loc (f, body), "the deferred body starts here");
  cd_emit (f, &r);
}

/* The outermost deferred body around label event L that does not contain
   block FROM, or -1.  */
static int
defer_body_entered (cd_func *f, struct cd_event *l, int from)
{
  int entered = -1;
  for (int b = l->block; b >= 0; b = BLOCK (f, b)->parent)
    if (BLOCK (f, b)->kind == CD_BLOCK_DEFER
	&& !cd_block_contains (f, b, from))
      entered = b;
  return entered;
}

/* jump-out-of-defer, the other way: a computed goto can reach every label
   whose address is taken, so a label in a deferred body whose address is
   taken outside that body could be jumped to from outside (and GCC's
   cleanup lowering cannot cope).  Reported at the `&&`.  */
static void
check_label_address_into_defer (cd_func *f, struct cd_event *a)
{
  struct cd_event *l = label_event (f, a->ref);
  if (!l || defer_body_entered (f, l, a->block) < 0)
    return;
  struct cd_diag r = diag (CD_DIAG_LABEL_ADDRESS_INTO_DEFER, a->loc,
			   label_name (f, a->ref));
  add_note (&r, l->loc, "the label is here");
  cd_emit (f, &r);
}

/* Is the address of label LABEL taken outside block BODY?  */
static bool
address_taken_outside (cd_func *f, int label, int body)
{
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind == CD_EV_LABEL_ADDRESS && e->ref == label
	  && !event_in (f, body, e))
	return true;
    }
  return false;
}

/* A computed goto outside a deferred body whose label's address is taken
   only inside that body (taking it outside is reported at the `&&`).  */
static void
check_computed_goto_into_defer (cd_func *f, struct cd_event *j)
{
  for (int i = 0; i < f->labels.n; i++)
    {
      struct cd_event *l = label_event (f, i);
      int body;
      if (!l || !LABEL (f, i)->address_taken
	  || (body = defer_body_entered (f, l, j->block)) < 0
	  || address_taken_outside (f, i, body))
	continue;
      struct cd_diag r = diag (CD_DIAG_COMPUTED_GOTO_INTO_DEFER, j->loc,
			       label_name (f, i));
      add_note (&r, l->loc, "the label is here");
      cd_emit (f, &r);
      return;
    }
}

static bool
is_scope_or_defer_body (cd_func *f, int b)
{
  return (BLOCK (f, b)->kind == CD_BLOCK_SCOPE
	  || BLOCK (f, b)->kind == CD_BLOCK_DEFER);
}

/* The outermost `scope` body or deferred body that contains block TO but
   not block FROM, below block STOP (-1: the whole function); or -1.  */
static int
entered_scope (cd_func *f, int to, int from, int stop)
{
  int entered = -1;
  for (int b = to; b >= 0 && b != stop; b = BLOCK (f, b)->parent)
    if (is_scope_or_defer_body (f, b) && !cd_block_contains (f, b, from))
      entered = b;
  return entered;
}

static void
report_jump_into_scope (cd_func *f, cd_loc loc, const char *what, int b)
{
  bool defer = BLOCK (f, b)->kind == CD_BLOCK_DEFER;
  char msg[128];
  snprintf (msg, sizeof msg, "%s jumps into %s", what,
	    defer ? "a deferred body" : "a 'scope' body");
  struct cd_diag r = diag (CD_DIAG_JUMP_INTO_SCOPE, loc, msg);
  add_note (&r, block_note_loc (f, b),
	    defer ? "the deferred body starts here" : "the 'scope' starts here");
  cd_emit (f, &r);
}

/* jump-into-scope: a goto into a `scope` body or a deferred body.  */
static void
check_goto_into_scope (cd_func *f, struct cd_event *j)
{
  struct cd_event *l = label_event (f, j->ref);
  int b = l ? entered_scope (f, l->block, j->block, -1) : -1;
  if (b >= 0)
    report_jump_into_scope (f, j->loc, "'goto'", b);
}

/* Is scope block B the body of switch S: `switch (e) scope { ... }`?  */
static bool
is_switch_body (cd_func *f, int b, int s)
{
  int up = BLOCK (f, b)->parent;
  if (BLOCK (f, b)->kind != CD_BLOCK_SCOPE || up < 0)
    return false;
  return ((BLOCK (f, up)->kind == CD_BLOCK_STATEMENT
	   && BLOCK (f, up)->role == CD_ROLE_SWITCH_BODY
	   && BLOCK (f, up)->parent == s));
}

static const char *
case_name (struct cd_event *c)
{
  return c->flag ? "'default' label" : "'case' label";
}

/* jump-into-scope: a case label inside a `scope` or deferred body of its
   switch.  The case labels of `switch (e) scope { ... }` enter the scope
   at its start.  */
static void
check_case_into_scope (cd_func *f, struct cd_event *c)
{
  if (c->ref < 0)
    return;
  int b = entered_scope (f, c->block, c->ref, c->ref);
  if (b >= 0 && is_switch_body (f, b, c->ref))
    b = entered_scope (f, c->block, b, b);
  if (b >= 0)
    report_jump_into_scope (f, c->loc, case_name (c), b);
}

/* defer-reexecuted (model go): a backward goto to a label before a defer
   of a scope that contains both the label and the goto.  In model ts the
   jump leaves the defer's block, which runs the body.  */
static void
check_defer_reexecuted (cd_func *f, struct cd_event *j)
{
  struct cd_event *l = label_event (f, j->ref);
  if (f->model != CD_MODEL_GO || !l || l->pos > j->pos)
    return;
  for (int i = 0; i < f->defers.n; i++)
    {
      struct cd_defer_rec *d = DEFER (f, i);
      int pos = EVENT (f, d->event)->pos;
      if (pos > l->pos && pos < j->pos && event_in (f, d->owner, l)
	  && event_in (f, d->owner, j))
	{
	  struct cd_diag r = diag (CD_DIAG_DEFER_REEXECUTED, j->loc, NULL);
	  add_note (&r, l->loc, "the label is here");
	  add_note (&r, d->loc, "this 'defer' could be registered again");
	  cd_emit (f, &r);
	  return;
	}
    }
}

/* The first defer of scope S, or NULL if it has none.  */
static struct cd_defer_rec *
first_defer_of (cd_func *f, int s)
{
  for (int i = 0; i < f->defers.n; i++)
    if (DEFER (f, i)->owner == s)
      return DEFER (f, i);
  return NULL;
}

/* Can jump J reach a label outside block S?  */
static bool
leaves_block (cd_func *f, struct cd_event *j, int s)
{
  switch (j->kind)
    {
    case CD_EV_NONLOCAL_GOTO:
      return true;
    case CD_EV_COMPUTED_GOTO:
      for (int i = 0; i < f->labels.n; i++)
	{
	  struct cd_event *l = label_event (f, i);
	  if (l && LABEL (f, i)->address_taken && !event_in (f, s, l))
	    return true;
	}
      return false;
    default:
      for (int i = 0; i < j->nref; i++)
	{
	  struct cd_event *l = label_event (f, TARGET (f, j->ref + i));
	  if (!l || !event_in (f, s, l))
	    return true;
	}
      return false;
    }
}

static const char *
unlowered_jump_name (struct cd_event *j, char *buf, size_t size)
{
  switch (j->kind)
    {
    case CD_EV_ASM_GOTO:
      return "'asm goto'";
    case CD_EV_NONLOCAL_GOTO:
      return "a non-local 'goto'";
    case CD_EV_NONLOCAL_ENTRY:
      snprintf (buf, size, "a non-local 'goto' from nested function '%s'",
		j->name ? j->name : "?");
      return buf;
    default:
      return "a computed 'goto'";
    }
}

/* computed-goto-out-of-scope: GCC's cleanup lowering ignores computed
   gotos, asm goto and non-local gotos (out of a nested function, or into
   this function from one called here), so a scope with defers must not be
   left that way.  Reported for the innermost such scope.  */
static void
check_computed_goto_out_of_scope (cd_func *f, struct cd_event *j)
{
  for (int s = j->block; s >= 0; s = BLOCK (f, s)->parent)
    {
      struct cd_defer_rec *d;
      if (!cd_is_defer_scope (f, s) || !(d = first_defer_of (f, s))
	  || !leaves_block (f, j, s))
	continue;
      char name[256];
      struct cd_diag r = diag (CD_DIAG_COMPUTED_GOTO_OUT_OF_SCOPE, j->loc,
			       unlowered_jump_name (j, name, sizeof name));
      add_note (&r, d->loc, "this 'defer' would not run");
      cd_emit (f, &r);
      return;
    }
}

/* Model ts: a jump forward past a defer into its scope (TS 25755: the
   jump would skip the defer but not its end of scope).  The jump is at
   FROM_POS in block FROM; its target at TO_POS in block TO.  */
static void
check_jump_past_defer (cd_func *f, cd_loc loc, const char *what,
		       int from_pos, int from, int to_pos, int to)
{
  for (int i = 0; i < f->defers.n; i++)
    {
      struct cd_defer_rec *d = DEFER (f, i);
      int pos = EVENT (f, d->event)->pos;
      /* A jump into the deferred body itself is reported as that.  */
      if (pos < to_pos && cd_block_contains (f, d->owner, to)
	  && !cd_block_contains (f, d->body, to)
	  && (from_pos < pos || !cd_block_contains (f, d->owner, from)))
	{
	  char msg[128];
	  snprintf (msg, sizeof msg, "%s jumps past a 'defer' into its scope",
		    what);
	  struct cd_diag r = diag (CD_DIAG_JUMP_INTO_SCOPE, loc, msg);
	  add_note (&r, d->loc, "the 'defer' is here");
	  cd_emit (f, &r);
	  return;
	}
    }
}

static void
check_jumps_past_defers (cd_func *f)
{
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *j = EVENT (f, i);
      const char *what;
      switch (j->kind)
	{
	case CD_EV_GOTO:
	  {
	    struct cd_event *l = label_event (f, j->ref);
	    if (l)
	      check_jump_past_defer (f, j->loc, "'goto'", j->pos, j->block,
				     l->pos, l->block);
	    continue;
	  }
	case CD_EV_ASM_GOTO:
	  what = "'asm goto'";
	  break;
	case CD_EV_NONLOCAL_ENTRY:
	  what = "a non-local 'goto'";
	  break;
	case CD_EV_CASE:
	  if (j->ref >= 0)
	    check_jump_past_defer (f, j->loc, case_name (j),
				   BLOCK (f, j->ref)->first_pos, j->ref,
				   j->pos, j->block);
	  continue;
	default:
	  continue;
	}
      for (int k = 0; k < j->nref; k++)
	{
	  struct cd_event *l = label_event (f, TARGET (f, j->ref + k));
	  if (l)
	    check_jump_past_defer (f, j->loc, what, j->pos, j->block, l->pos,
				   l->block);
	}
    }
}

/* The rules about jumps and calls, over all events in source order:
   calls first, then jumps, label addresses, case labels (the order the
   plugin always printed them in).  */
void
cd_check_jumps (cd_func *f)
{
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind == CD_EV_CALL
	  && (e->ref == CD_CALL_EXIT || e->ref == CD_CALL_THREAD_EXIT))
	check_exit_skips_defer (f, e);
      else if (e->kind == CD_EV_CALL && e->ref == CD_CALL_LONGJMP)
	check_longjmp_skips_defer (f, e);
    }
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      switch (e->kind)
	{
	case CD_EV_RETURN:
	case CD_EV_BREAK:
	case CD_EV_CONTINUE:
	  check_jump_out_of_defer (f, e);
	  break;
	case CD_EV_GOTO:
	  check_jump_out_of_defer (f, e);
	  check_goto_into_scope (f, e);
	  check_defer_reexecuted (f, e);
	  break;
	case CD_EV_NONLOCAL_GOTO:
	  check_jump_out_of_defer (f, e);
	  check_computed_goto_out_of_scope (f, e);
	  break;
	case CD_EV_COMPUTED_GOTO:
	  check_computed_goto_out_of_scope (f, e);
	  check_computed_goto_into_defer (f, e);
	  break;
	case CD_EV_ASM_GOTO:
	case CD_EV_NONLOCAL_ENTRY:
	  check_computed_goto_out_of_scope (f, e);
	  break;
	default:
	  break;
	}
    }
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->kind == CD_EV_LABEL_ADDRESS)
      check_label_address_into_defer (f, EVENT (f, i));
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->kind == CD_EV_CASE)
      check_case_into_scope (f, EVENT (f, i));
  if (f->model == CD_MODEL_TS)
    check_jumps_past_defers (f);
}

/* ---- the flag decision (SPEC 3.7) ---- */

/* The earliest position from which each label can be reached by a jump:
   its first goto or asm goto; INT_MIN when its address is taken or a
   nested function jumps to it (from anywhere); INT_MAX if nothing jumps
   to it.  Computed once per function (the flag question is asked per
   defer: this keeps it linear in the events).  */
const int *
cd_label_sources (cd_func *f)
{
  if (f->label_src)
    return f->label_src;
  int *src = malloc ((f->labels.n + 1) * sizeof *src);
  if (!src)
    abort ();
  for (int l = 0; l < f->labels.n; l++)
    src[l] = LABEL (f, l)->address_taken || LABEL (f, l)->nonlocal
	     ? INT_MIN : INT_MAX;
  for (int i = 0; i < f->events.n; i++)
    {
      struct cd_event *j = EVENT (f, i);
      if (j->kind == CD_EV_GOTO && j->ref >= 0 && j->pos < src[j->ref])
	src[j->ref] = j->pos;
      if (j->kind == CD_EV_ASM_GOTO)
	for (int t = 0; t < j->nref; t++)
	  {
	    int l = TARGET (f, j->ref + t);
	    if (j->pos < src[l])
	      src[l] = j->pos;
	  }
    }
  f->label_src = src;
  return src;
}

/* Can the position after defer D be reached without passing D: is a label
   after D in its scope the target of a jump from before D, of a computed
   goto (its address is taken), of a non-local goto, or a case label of a
   switch that starts before D?  */
static bool
region_entered_by_jump (cd_func *f, struct cd_defer_rec *d)
{
  int pos = EVENT (f, d->event)->pos;
  const int *src = cd_label_sources (f);
  for (int i = d->event + 1; i < f->events.n; i++)
    {
      struct cd_event *e = EVENT (f, i);
      if (e->kind == CD_EV_CASE && e->ref >= 0
	  && BLOCK (f, e->ref)->first_pos < pos && event_in (f, d->owner, e))
	return true;
      if (e->kind == CD_EV_LABEL && src[e->ref] < pos
	  && event_in (f, d->owner, e))
	return true;
    }
  return false;
}

/* A defer needs a flag when its scope can be left without its having been
   reached: it stands in a block nested in its scope (an if arm, a switch,
   a plain block), or a jump can enter the region after it.  */
bool
cd_defer_needs_flag (cd_func *f, int defer)
{
  struct cd_defer_rec *d = DEFER (f, defer);
  return (EVENT (f, d->event)->block != d->owner
	  || region_entered_by_jump (f, d));
}

bool
cd_defer_in_loop (cd_func *f, int defer)
{
  return DEFER (f, defer)->in_loop;
}

bool
cd_calls_setjmp (cd_func *f)
{
  return f->calls_setjmp;
}

/* ---- all rules ---- */

/* Per defer, the structural rules first: defer-in-loop sets the defer's
   in_loop, which the rules about its variables read (one report: the
   fix-it cures both).  The value rules (values.c) belong after them in
   the same loop.  */
int
cd_check (cd_func *f)
{
  f->errors = 0;
  for (int i = 0; i < f->defers.n; i++)
    {
      cd_check_defer_structure (f, i);
      cd_check_defer_values (f, i);
    }
  cd_check_jumps (f);
  cd_check_released_values (f);
  return f->errors;
}
