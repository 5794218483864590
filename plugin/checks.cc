/* SPDX-License-Identifier: GPL-3.0-or-later */
/* checks.cc - the errors of SPEC section 4 on one function's record.
   Every check is a function named after its diagnostic ID.  */

#include "cdefer-internal.h"

/* The innermost scope frame of kind KIND around F, up to STOP.  */
static struct frame *
innermost_defer_body (struct frame *f)
{
  for (; f; f = f->parent)
    if (f->kind == FRAME_SCOPE && f->scope->kind == SCOPE_DEFER_BODY)
      return f;
  return NULL;
}

/* `do { } while (E)` is not a loop when E is an integer constant
   expression equal to 0.  The tree says DO_COND is 0, but when optimising
   GCC has already replaced a `const int` object by its value.  So when the
   source spells the condition as a single name, it is a loop if that name
   is a variable of this function or a visible variable (not a macro, not
   an enumerator).  */
static bool
do_while_zero_is_real_loop (struct function_record *rec, struct frame *loop)
{
  char cond[128];
  if (!cdefer_do_while_condition (loop->loc, cond, sizeof cond))
    return false;
  char *p = cond, *e;
  while (ISSPACE (*p) || *p == '(')
    p++;
  if (!ISIDST (*p))
    return false;
  for (e = p; ISIDNUM (*e); e++)
    ;
  for (const char *q = e; *q; q++)
    if (!ISSPACE (*q) && *q != ')')
      return false;
  tree id = get_identifier_with_length (p, e - p);
  for (hash_map<tree, var_rec>::iterator it = rec->vars->begin ();
       it != rec->vars->end (); ++it)
    if (DECL_NAME ((*it).first) == id)
      return true;
  tree decl = lookup_name ? lookup_name (id) : NULL_TREE;
  return decl && (VAR_P (decl) || TREE_CODE (decl) == PARM_DECL);
}

/* defer-in-loop: a loop between the defer and its scope.  */
static bool
check_defer_in_loop (struct function_record *rec, struct defer_stmt *d)
{
  struct frame *loop = NULL;
  for (struct frame *f = d->ctx; f && f != d->owner->frame; f = f->parent)
    if (f->kind == FRAME_LOOP
	&& (!f->not_a_loop || do_while_zero_is_real_loop (rec, f)))
      loop = loop ? loop : f;
  if (!loop)
    return false;
  gcc_rich_location rich (cdefer_user_location (d->loc));
  /* Fix-it: `scope ` before a compound body; `_Scope ` (which takes any
     statement) before any other body.  */
  /* GCC locates a do statement at its body; for and while at the keyword
     or the '(' before the condition.  */
  bool is_do = TREE_CODE (loop->node) == DO_STMT;
  location_t body = cdefer_find_char_on_line (loop->loc, is_do ? 0 : 1,
					      !is_do, '{');
  const char *insert = "scope ";
  if (body == UNKNOWN_LOCATION)
    {
      body = cdefer_find_char_on_line (loop->loc, is_do ? 0 : 1, !is_do, 0);
      insert = "_Scope ";
    }
  if (body != UNKNOWN_LOCATION && TREE_CODE (loop->node) != OMP_FOR
      && !cdefer_preprocessed_input)
    rich.add_fixit_insert_before (body, insert);
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_DEFER_IN_LOOP, d->loc, &rich))
    cdefer_note (loop->loc, "the loop is here; make its body a 'scope' to "
		 "run the deferred body at the end of each iteration");
  return true;
}

/* escaping-capture: the deferred body uses an automatic variable of a
   block that ends before the scope does.  */
struct capture_search
{
  struct function_record *rec;
  struct defer_stmt *d;
  location_t last_loc;
  bool reported;
};

static tree
find_escaping_capture (tree *tp, int *walk_subtrees, void *data)
{
  struct capture_search *cs = (struct capture_search *) data;
  tree t = *tp;
  if (TYPE_P (t))
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  if (EXPR_P (t) && EXPR_HAS_LOCATION (t))
    cs->last_loc = EXPR_LOCATION (t);
  if (!VAR_P (t) || TREE_STATIC (t) || DECL_EXTERNAL (t))
    return NULL_TREE;
  struct var_rec *v = cs->rec->vars->get (t);
  if (!v || v->scope != cs->d->owner || v->alive_at_scope_end)
    return NULL_TREE;
  const char *name = DECL_NAME (t) ? IDENTIFIER_POINTER (DECL_NAME (t)) : "?";
  gcc_rich_location rich (cdefer_user_location (cs->last_loc));
  location_t brace = EXPR_HAS_LOCATION (v->bind)
		     ? cdefer_find_char_on_line (EXPR_LOCATION (v->bind), 0,
						 false, '{')
		     : UNKNOWN_LOCATION;
  if (brace != UNKNOWN_LOCATION && !cdefer_preprocessed_input)
    rich.add_fixit_insert_before (brace, "scope ");
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_ESCAPING_CAPTURE, cs->last_loc, &rich, name))
    cdefer_note (DECL_SOURCE_LOCATION (t),
		 "'%s' is declared in a block that ends before the deferred "
		 "body runs; make that block a 'scope'", name);
  cs->reported = true;
  return t;	/* one report per defer */
}

static void
check_escaping_capture (struct function_record *rec, struct defer_stmt *d)
{
  struct capture_search cs = { rec, d, d->loc, false };
  walk_tree_without_duplicates (&WHILE_BODY (d->marker), find_escaping_capture,
				&cs);
}

/* The jump statement's spelling, for messages.  */
static const char *
jump_name (struct jump_rec *j)
{
  switch (j->kind)
    {
    case JUMP_RETURN: return "return";
    case JUMP_BREAK: return "break";
    case JUMP_CONTINUE: return "continue";
    case JUMP_ASM_GOTO: return "asm goto";
    default: return "goto";
    }
}

/* The frame a break or continue transfers control out of, or NULL.  A
   `scope` marker is not a loop: the jump passes through it.  */
static struct frame *
break_target (struct jump_rec *j, struct frame **crossed_defer_body)
{
  *crossed_defer_body = NULL;
  for (struct frame *f = j->ctx; f; f = f->parent)
    {
      if (f->kind == FRAME_LOOP)
	return f;
      if (f->kind == FRAME_SWITCH && j->kind == JUMP_BREAK)
	return f;
      if (f->kind == FRAME_SCOPE && f->scope->kind == SCOPE_DEFER_BODY
	  && !*crossed_defer_body)
	*crossed_defer_body = f;
      if (f->kind == FRAME_SCOPE && (f->scope->kind == SCOPE_FUNCTION
				     || f->scope->kind == SCOPE_OMP))
	return NULL;
    }
  return NULL;
}

static void
check_jump_out_of_defer (struct function_record *rec, struct jump_rec *j)
{
  struct frame *body = innermost_defer_body (j->ctx);
  struct frame *crossed = NULL;
  switch (j->kind)
    {
    case JUMP_RETURN:
      break;
    case JUMP_BREAK:
    case JUMP_CONTINUE:
      {
	struct frame *target = break_target (j, &crossed);
	if (!target)
	  {
	    /* The marker loop hid this from the parser.  */
	    if (j->kind == JUMP_BREAK)
	      error_at (cdefer_user_location (j->loc),
			"break statement not within loop or switch");
	    else
	      error_at (cdefer_user_location (j->loc),
			"continue statement not within a loop");
	    return;
	  }
	body = crossed;
	break;
      }
    case JUMP_GOTO:
      {
	struct label_rec **l = rec->label_map->get (j->label);
	if (!body || (l && frame_chain_has ((*l)->ctx, body)))
	  return;
	break;
      }
    default:
      return;
    }
  if (!body)
    return;
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_JUMP_OUT_OF_DEFER, j->loc, NULL,
		     jump_name (j)))
    cdefer_note (body->loc, "the deferred body starts here");
}

/* The outermost deferred body around label L that does not contain CTX,
   or NULL.  */
static struct frame *
defer_body_entered (struct function_record *rec, tree label,
		    struct frame *ctx, struct label_rec **lp)
{
  struct label_rec **l = rec->label_map->get (label);
  if (!l)
    return NULL;
  *lp = *l;
  struct frame *entered = NULL;
  for (struct frame *f = (*l)->ctx; f; f = f->parent)
    if (f->kind == FRAME_SCOPE && f->scope->kind == SCOPE_DEFER_BODY
	&& !frame_chain_has (ctx, f))
      entered = f;
  return entered;
}

/* jump-out-of-defer, the other way: GCC lets a computed goto reach every
   label whose address is taken, so a label in a deferred body whose
   address is taken outside that body could be jumped to from outside
   (and GCC's cleanup lowering cannot cope: it crashed).  */
static void
check_label_address_into_defer (struct function_record *rec,
				struct address_rec *a)
{
  struct label_rec *l;
  if (!defer_body_entered (rec, a->label, a->ctx, &l))
    return;
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_LABEL_ADDRESS_INTO_DEFER, a->loc, NULL,
		     IDENTIFIER_POINTER (DECL_NAME (a->label))))
    cdefer_note (l->loc, "the label is here");
}

/* A computed goto outside a deferred body whose label's address is taken
   only inside that body (taking it outside is reported at the `&&`).  */
static void
check_computed_goto_into_defer (struct function_record *rec,
				struct jump_rec *j)
{
  for (unsigned i = 0; i < rec->labels.length (); i++)
    {
      tree label = rec->labels[i]->label;
      struct label_rec *l;
      struct frame *body;
      if (!rec->address_taken_labels->contains (label)
	  || !(body = defer_body_entered (rec, label, j->ctx, &l)))
	continue;
      bool taken_outside = false;
      for (unsigned k = 0; k < rec->addresses.length (); k++)
	taken_outside |= (rec->addresses[k]->label == label
			  && !frame_chain_has (rec->addresses[k]->ctx, body));
      if (taken_outside)
	continue;
      auto_diagnostic_group group;
      if (cdefer_report (CDEFER_DIAG_COMPUTED_GOTO_INTO_DEFER, j->loc, NULL,
			 IDENTIFIER_POINTER (DECL_NAME (label))))
	cdefer_note (l->loc, "the label is here");
      return;
    }
}

/* The outermost `scope` or deferred body that contains TO but not FROM.  */
static struct frame *
entered_scope (struct frame *to, struct frame *from, struct frame *stop)
{
  struct frame *entered = NULL;
  for (struct frame *f = to; f && f != stop; f = f->parent)
    if (f->kind == FRAME_SCOPE
	&& (f->scope->kind == SCOPE_STATEMENT
	    || f->scope->kind == SCOPE_DEFER_BODY)
	&& !frame_chain_has (from, f))
      entered = f;
  return entered;
}

static void
report_jump_into_scope (location_t loc, const char *what, struct frame *f)
{
  char msg[256];
  snprintf (msg, sizeof msg, "%s jumps into %s", what,
	    f->scope->kind == SCOPE_DEFER_BODY ? "a deferred body"
					       : "a 'scope' body");
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_JUMP_INTO_SCOPE, loc, NULL, msg))
    cdefer_note (f->loc, f->scope->kind == SCOPE_DEFER_BODY
			 ? "the deferred body starts here"
			 : "the 'scope' starts here");
}

static void
check_goto_into_scope (struct function_record *rec, struct jump_rec *j)
{
  struct label_rec **l = rec->label_map->get (j->label);
  if (!l)
    return;
  struct frame *f = entered_scope ((*l)->ctx, j->ctx, NULL);
  if (f)
    report_jump_into_scope (j->loc, "'goto'", f);
}

static void
check_case_into_scope (struct label_rec *c)
{
  if (!c->switch_frame)
    return;
  struct frame *f = entered_scope (c->ctx, c->switch_frame, c->switch_frame);
  /* switch (e) scope { case ...: } enters the scope at its start.  In
     model ts the block of the switch statement itself may stand between
     them; it is entered at its start too.  */
  struct frame *up = f ? f->parent : NULL;
  while (up && up != c->switch_frame && up->kind == FRAME_SCOPE
	 && up->scope->kind == SCOPE_BLOCK)
    up = up->parent;
  if (f && f->scope->switch_body && up == c->switch_frame)
    {
      struct frame *inner = NULL;
      for (struct frame *g = c->ctx; g && g != f; g = g->parent)
	if (g->kind == FRAME_SCOPE
	    && (g->scope->kind == SCOPE_STATEMENT
		|| g->scope->kind == SCOPE_DEFER_BODY))
	  inner = g;
      f = inner;
    }
  if (f)
    report_jump_into_scope (c->loc,
			    CASE_LOW (c->label) ? "'case' label"
						: "'default' label", f);
}

/* defer-reexecuted: a backward goto to a label before a defer of a scope
   that contains both the label and the goto.  */
static void
check_defer_reexecuted (struct function_record *rec, struct jump_rec *j)
{
  struct label_rec **lp = rec->label_map->get (j->label);
  if (!lp || (*lp)->pos > j->pos)
    return;
  struct label_rec *l = *lp;
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      if (d->pos > l->pos && d->pos < j->pos
	  && frame_chain_has (l->ctx, d->owner->frame)
	  && frame_chain_has (j->ctx, d->owner->frame))
	{
	  auto_diagnostic_group group;
	  if (cdefer_report (CDEFER_DIAG_DEFER_REEXECUTED, j->loc, NULL))
	    {
	      cdefer_note (l->loc, "the label is here");
	      cdefer_note (d->loc, "this 'defer' could be registered again");
	    }
	  return;
	}
    }
}

/* Is J a goto in a nested function to a label of an enclosing one?  */
static bool
is_nonlocal_goto (struct function_record *rec, struct jump_rec *j)
{
  return (j->kind == JUMP_GOTO && TREE_CODE (j->label) == LABEL_DECL
	  && DECL_CONTEXT (j->label) != rec->fndecl);
}

/* How the messages name jump J of computed-goto-out-of-scope.  */
static const char *
unlowered_jump_name (struct jump_rec *j, char *buf, size_t size)
{
  switch (j->kind)
    {
    case JUMP_ASM_GOTO:
      return "'asm goto'";
    case JUMP_GOTO:
      return "a non-local 'goto'";
    case JUMP_NONLOCAL:
      snprintf (buf, size, "a non-local 'goto' from nested function '%s'",
		IDENTIFIER_POINTER (DECL_NAME (j->label)));
      return buf;
    default:
      return "a computed 'goto'";
    }
}

/* computed-goto-out-of-scope: GCC's cleanup lowering ignores computed
   gotos, asm goto and non-local gotos (out of a nested function, or into
   this function from one called here), so a scope with defers must not
   be left that way.  */
static void
check_computed_goto (struct function_record *rec, struct jump_rec *j)
{
  for (struct frame *f = j->ctx; f; f = f->parent)
    {
      if (f->kind != FRAME_SCOPE || f->scope->defers.is_empty ())
	continue;
      bool leaves = false;
      if (j->kind != JUMP_COMPUTED_GOTO)
	{
	  for (tree l = j->targets; l && !leaves; l = TREE_CHAIN (l))
	    {
	      struct label_rec **lr = rec->label_map->get (TREE_VALUE (l));
	      leaves = !lr || !frame_chain_has ((*lr)->ctx, f);
	    }
	}
      else
	for (unsigned i = 0; i < rec->labels.length () && !leaves; i++)
	  leaves = rec->address_taken_labels->contains (rec->labels[i]->label)
		   && !frame_chain_has (rec->labels[i]->ctx, f);
      if (!leaves)
	continue;
      char name[256];
      auto_diagnostic_group group;
      if (cdefer_report (CDEFER_DIAG_COMPUTED_GOTO_OUT_OF_SCOPE, j->loc, NULL,
			 unlowered_jump_name (j, name, sizeof name)))
	cdefer_note (f->scope->defers[0]->loc,
		     "this 'defer' would not run");
      return;
    }
}

/* A deferred body may not start with a label (as in the TS).  */
static void
check_defer_body_label (struct defer_stmt *d)
{
  tree body = WHILE_BODY (d->marker);
  while (body && TREE_CODE (body) == BIND_EXPR)
    body = BIND_EXPR_BODY (body);
  if (body && TREE_CODE (body) == STATEMENT_LIST)
    for (tree_stmt_iterator i = tsi_start (body); !tsi_end_p (i);
	 tsi_next (&i))
      if (TREE_CODE (tsi_stmt (i)) != DEBUG_BEGIN_STMT)
	{
	  body = tsi_stmt (i);
	  break;
	}
  if (!body || (TREE_CODE (body) != LABEL_EXPR
		&& TREE_CODE (body) != CASE_LABEL_EXPR))
    return;
  /* `defer { L: ...; }` is fine: a compound statement does not start
     with a label.  The trees do not keep its braces; the text does.  */
  if (!cdefer_text_at_is_word (d->loc, "defer", "_Defer")
      || (cdefer_preprocessed_input
	  /* .i: `while (... __cdefer_marker_defer ()) {`, at its '('  */
	  ? cdefer_find_char_on_line (d->loc, 0, true, '{')
	  : cdefer_find_char_on_line (d->loc, 1, false, '{')) != UNKNOWN_LOCATION)
    return;
  cdefer_report (CDEFER_DIAG_DEFER_BODY_LABEL, d->loc, NULL);
}

/* ---- warnings ---- */

/* A defer that may be registered, in a scope around CTX, before POS.  */
static struct defer_stmt *
registered_before (struct function_record *rec, int pos, struct frame *ctx)
{
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      if (d->pos < pos && frame_chain_has (ctx, d->owner->frame))
	return d;
    }
  return NULL;
}

/* exit-skips-defer: exit() with deferred bodies pending in this function.  */
static void
check_exit_skips_defer (struct function_record *rec, struct call_rec *c)
{
  struct defer_stmt *d = registered_before (rec, c->pos, c->ctx);
  if (!d)
    return;
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_EXIT_SKIPS_DEFER, c->loc, NULL, c->name))
    cdefer_note (d->loc, "this deferred body would be pending");
}

/* longjmp-skips-defer: a longjmp with deferred bodies pending, unless a
   setjmp after those defers, in their scope, is the likely target (plain
   setjmp error handling inside one scope stays quiet).  */
static void
check_longjmp_skips_defer (struct function_record *rec, struct call_rec *c)
{
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      if (d->pos > c->pos || !frame_chain_has (c->ctx, d->owner->frame))
	continue;
      bool caught = false;
      for (unsigned k = 0; k < rec->calls.length () && !caught; k++)
	caught = rec->calls[k]->kind == CALL_SETJMP
		 && rec->calls[k]->pos > d->pos
		 && frame_chain_has (rec->calls[k]->ctx, d->owner->frame);
      if (caught)
	continue;
      auto_diagnostic_group group;
      if (cdefer_report (CDEFER_DIAG_LONGJMP_SKIPS_DEFER, c->loc, NULL, c->name))
	cdefer_note (d->loc, "this deferred body would not run");
      return;
    }
}

/* defer-in-plain-block (model go): `{ ...; defer f(); ... }` runs f at the
   end of the enclosing scope, which a reader of the block may not expect.  */
static void
check_defer_in_plain_block (struct function_record *rec, struct defer_stmt *d)
{
  long open, close;
  bool bare;
  if (cdefer_opts.model != MODEL_GO || !d->in_list
      || !cdefer_text_at_is_word (d->loc, "defer", "_Defer")
      || !cdefer_innermost_block (DECL_SOURCE_LOCATION (rec->fndecl), d->loc,
				  &open, &close, &bare)
      || !bare)
    return;
  location_t brace = cdefer_location_of_offset (d->loc, open);
  gcc_rich_location rich (cdefer_user_location (d->loc));
  if (brace != UNKNOWN_LOCATION)
    rich.add_fixit_insert_before (brace, "scope ");
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_DEFER_IN_PLAIN_BLOCK, d->loc, &rich)
      && brace != UNKNOWN_LOCATION)
    cdefer_note (brace, "make this block a 'scope' to run it at the "
		 "block's end");
}

/* empty-defer: `_Defer ;` or `defer {}`.  */
static void
check_empty_defer (struct defer_stmt *d)
{
  tree body = WHILE_BODY (d->marker);
  while (body && TREE_CODE (body) == BIND_EXPR && !BIND_EXPR_VARS (body))
    body = BIND_EXPR_BODY (body);
  if (body && TREE_CODE (body) == STATEMENT_LIST)
    for (tree_stmt_iterator i = tsi_start (body); !tsi_end_p (i);
	 tsi_next (&i))
      if (TREE_CODE (tsi_stmt (i)) != DEBUG_BEGIN_STMT
	  && !IS_EMPTY_STMT (tsi_stmt (i)))
	return;
  if (body && TREE_CODE (body) != STATEMENT_LIST && !IS_EMPTY_STMT (body))
    return;
  cdefer_report (CDEFER_DIAG_EMPTY_DEFER, d->loc, NULL);
}

/* Model ts: a jump forward past a defer into its scope (TS 25755: the
   jump would skip the defer but not its end of scope).  */
static void
check_jump_past_defer (struct function_record *rec, location_t loc,
		       int from_pos, struct frame *from, struct frame *to,
		       int to_pos, const char *what)
{
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      /* A jump into the deferred body itself is reported as that.  */
      if (d->pos < to_pos && frame_chain_has (to, d->owner->frame)
	  && !frame_chain_has (to, d->body->frame)
	  && (from_pos < d->pos || !frame_chain_has (from, d->owner->frame)))
	{
	  char msg[256];
	  snprintf (msg, sizeof msg, "%s jumps past a 'defer' into its scope",
		    what);
	  auto_diagnostic_group group;
	  if (cdefer_report (CDEFER_DIAG_JUMP_INTO_SCOPE, loc, NULL, msg))
	    cdefer_note (d->loc, "the 'defer' is here");
	  return;
	}
    }
}

static void
check_jumps_past_defers (struct function_record *rec)
{
  for (unsigned i = 0; i < rec->jumps.length (); i++)
    {
      struct jump_rec *j = rec->jumps[i];
      for (tree t = j->targets; t; t = TREE_CHAIN (t))
	{
	  struct label_rec **l = rec->label_map->get (TREE_VALUE (t));
	  if (l)
	    check_jump_past_defer (rec, j->loc, j->pos, j->ctx, (*l)->ctx,
				   (*l)->pos,
				   j->kind == JUMP_GOTO ? "'goto'"
				   : j->kind == JUMP_ASM_GOTO ? "'asm goto'"
				   : "a non-local 'goto'");
	}
    }
  for (unsigned i = 0; i < rec->cases.length (); i++)
    {
      struct label_rec *c = rec->cases[i];
      if (c->switch_frame)
	check_jump_past_defer (rec, c->loc, c->switch_frame->pos,
			       c->switch_frame, c->ctx, c->pos,
			       CASE_LOW (c->label) ? "'case' label"
						   : "'default' label");
    }
}

/* defer-before-check: `f = fopen (...); defer fclose (f); if (!f) ...`
   runs fclose (NULL) on the error path.  */

/* The variable the deferred body releases: its body is one call whose
   first argument is a local pointer or integer variable.  */
static tree
released_variable (struct defer_stmt *d, tree *fn)
{
  tree body = cdefer_strip_debug (WHILE_BODY (d->marker));
  while (body && TREE_CODE (body) == BIND_EXPR)
    body = cdefer_strip_debug (BIND_EXPR_BODY (body));
  /* defer (void) close (fd);  */
  while (body && (CONVERT_EXPR_P (body) || TREE_CODE (body) == NON_LVALUE_EXPR))
    body = TREE_OPERAND (body, 0);
  if (!body)
    return NULL_TREE;
  if (TREE_CODE (body) != CALL_EXPR || !(*fn = get_callee_fndecl (body)))
    return NULL_TREE;
  if (call_expr_nargs (body) < 1)
    return NULL_TREE;
  tree a = CALL_EXPR_ARG (body, 0);
  STRIP_NOPS (a);
  if (VAR_P (a) && !TREE_STATIC (a) && !DECL_EXTERNAL (a)
      && (POINTER_TYPE_P (TREE_TYPE (a)) || INTEGRAL_TYPE_P (TREE_TYPE (a))))
    return a;
  return NULL_TREE;
}

/* Was V acquired from a call: `T *v = open (...)` or `v = open (...)`?  */
static tree
assigned_from_call_r (tree *tp, int *walk_subtrees, void *data)
{
  tree t = *tp, v = (tree) data, rhs = NULL_TREE;
  if (TYPE_P (t))
    *walk_subtrees = 0;
  else if ((TREE_CODE (t) == MODIFY_EXPR || TREE_CODE (t) == INIT_EXPR)
	   && TREE_OPERAND (t, 0) == v)
    rhs = TREE_OPERAND (t, 1);
  else if (TREE_CODE (t) == DECL_EXPR && DECL_EXPR_DECL (t) == v)
    rhs = DECL_INITIAL (v);
  if (rhs)
    {
      STRIP_NOPS (rhs);
      if (TREE_CODE (rhs) == CALL_EXPR)
	return t;
    }
  return NULL_TREE;
}

static bool
release_accepts_null (tree fn)
{
  if (cd_release_accepts_null (IDENTIFIER_POINTER (DECL_NAME (fn))))
    return true;
  return fndecl_built_in_p (fn, BUILT_IN_FREE)
	 || cdefer_has_attribute (fn, "cdefer_null_ok");
}

static tree
mentions_var_r (tree *tp, int *walk_subtrees, void *data)
{
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  return *tp == (tree) data ? *tp : NULL_TREE;
}

/* Is COND a test of V for failure: !v, v == 0, v == NULL, v < 0,
   v == -1?  */
static bool
tests_for_failure (tree cond, tree v)
{
  STRIP_NOPS (cond);
  if (TREE_CODE (cond) == TRUTH_ORIF_EXPR || TREE_CODE (cond) == TRUTH_OR_EXPR)
    return tests_for_failure (TREE_OPERAND (cond, 0), v)
	   || tests_for_failure (TREE_OPERAND (cond, 1), v);
  if (TREE_CODE (cond) == TRUTH_NOT_EXPR)
    {
      tree a = TREE_OPERAND (cond, 0);
      STRIP_NOPS (a);
      return a == v;
    }
  if (TREE_CODE (cond) != EQ_EXPR && TREE_CODE (cond) != LT_EXPR
      && TREE_CODE (cond) != LE_EXPR)
    return false;
  tree a = TREE_OPERAND (cond, 0), b = TREE_OPERAND (cond, 1);
  STRIP_NOPS (a);
  STRIP_NOPS (b);
  if (a != v || TREE_CODE (b) != INTEGER_CST)
    return false;
  if (TREE_CODE (cond) == EQ_EXPR)
    return integer_zerop (b) || integer_minus_onep (b) || integer_all_onesp (b);
  if (TREE_CODE (cond) == LT_EXPR)
    return integer_zerop (b);
  return integer_minus_onep (b);
}

/* Fix-it: move the defer statement (alone on its line) to the line after
   the `if` statement that checks the resource (GCC takes only whole-line
   insertions of new lines).  */
static void
add_move_after_check_fixit (rich_location *rich, struct defer_stmt *d,
			    struct if_rec *check)
{
  long d_start, d_end, if_end, insert_at;
  char text[512];
  if (cdefer_preprocessed_input
      || !cdefer_statement_text (d->loc, true, &d_start, &d_end, text,
				 sizeof text)
      || !cdefer_statement_text (check->loc, false, NULL, &if_end, NULL, 0)
      || (insert_at = cdefer_start_of_next_line (d->loc, if_end)) < 0)
    return;
  location_t from = cdefer_location_of_offset (d->loc, d_start);
  location_t to = cdefer_location_of_offset (d->loc, d_end);
  location_t at = cdefer_location_of_offset (d->loc, insert_at);
  if (from == UNKNOWN_LOCATION || to == UNKNOWN_LOCATION
      || at == UNKNOWN_LOCATION)
    return;
  rich->add_fixit_remove (source_range::from_locations (from, to));
  rich->add_fixit_insert_before (at, text);
}

static void
check_defer_before_check (struct function_record *rec, struct defer_stmt *d)
{
  tree fn = NULL_TREE;
  tree v = released_variable (d, &fn);
  if (!v || release_accepts_null (fn)
      || !walk_tree_without_duplicates (&DECL_SAVED_TREE (rec->fndecl),
					assigned_from_call_r, v))
    return;
  for (unsigned i = 0; i < rec->ifs.length (); i++)
    {
      struct if_rec *r = rec->ifs[i];
      if (r->pos < d->pos || !frame_chain_has (r->ctx, d->owner->frame)
	  || frame_chain_has (r->ctx, d->body->frame))
	continue;
      tree cond = COND_EXPR_COND (r->stmt);
      if (!walk_tree_without_duplicates (&cond, mentions_var_r, v))
	continue;
      if (!tests_for_failure (cond, v))
	return;		/* the first test of V is not a failure check */
      const char *name = DECL_NAME (v) ? IDENTIFIER_POINTER (DECL_NAME (v))
				       : "?";
      gcc_rich_location rich (cdefer_user_location (d->loc));
      add_move_after_check_fixit (&rich, d, r);
      auto_diagnostic_group group;
      if (cdefer_report (CDEFER_DIAG_DEFER_BEFORE_CHECK, d->loc, &rich, name))
	cdefer_note (r->loc, "'%s' is checked for failure here; register the "
		     "'defer' after this check", name);
      return;
    }
}

void
cdefer_check_function (struct function_record *rec)
{
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      /* Variables of the loop (for-init, body) die with the iteration;
	 making the loop body a scope fixes both, so report the loop only.  */
      if (!check_defer_in_loop (rec, d))
	check_escaping_capture (rec, d);
      check_defer_body_label (d);
      check_defer_in_plain_block (rec, d);
      check_empty_defer (d);
      check_defer_before_check (rec, d);
      cdefer_check_address_escape (rec, d);
    }
  for (unsigned i = 0; i < rec->calls.length (); i++)
    {
      struct call_rec *c = rec->calls[i];
      if (c->kind == CALL_EXIT)
	check_exit_skips_defer (rec, c);
      else if (c->kind == CALL_LONGJMP)
	check_longjmp_skips_defer (rec, c);
    }
  for (unsigned i = 0; i < rec->jumps.length (); i++)
    {
      struct jump_rec *j = rec->jumps[i];
      check_jump_out_of_defer (rec, j);
      if (j->kind == JUMP_GOTO)
	{
	  check_goto_into_scope (rec, j);
	  /* In model ts a backward goto leaves the defer's scope.  */
	  if (cdefer_opts.model == MODEL_GO)
	    check_defer_reexecuted (rec, j);
	}
      if (j->kind == JUMP_COMPUTED_GOTO || j->kind == JUMP_ASM_GOTO
	  || j->kind == JUMP_NONLOCAL || is_nonlocal_goto (rec, j))
	check_computed_goto (rec, j);
      if (j->kind == JUMP_COMPUTED_GOTO)
	check_computed_goto_into_defer (rec, j);
    }
  for (unsigned i = 0; i < rec->addresses.length (); i++)
    check_label_address_into_defer (rec, rec->addresses[i]);
  for (unsigned i = 0; i < rec->cases.length (); i++)
    check_case_into_scope (rec->cases[i]);
  if (cdefer_opts.model == MODEL_TS)
    check_jumps_past_defers (rec);
}
