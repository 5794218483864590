/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analyse.cc - one walk over a function's GENERIC, before genericization,
   that records its defer scopes, defers, labels, jumps and variables.

   At PLUGIN_PRE_GENERICIZE the C front end's trees still have the shape of
   the source: WHILE_STMT/FOR_STMT/DO_STMT loops, SWITCH_STMT, BREAK_STMT,
   CONTINUE_STMT, `if` as a void COND_EXPR, blocks as BIND_EXPRs (only when
   they declare something) and an `__attribute__((cleanup))` variable as a
   TRY_FINALLY_EXPR around the rest of its block.

   The "spine" of a defer scope is the chain of statement lists that run to
   the scope's end: the scope's own block, and the body of each cleanup
   TRY_FINALLY in it.  A defer whose statement list is on the spine is
   "direct"; any other defer (inside an if, a switch, a plain block) is
   hoisted to the spine element that contains it.  The variables of the
   spine's blocks live until the scope's deferred bodies have run; those of
   other blocks do not (escaping-capture).  */

#include "cdefer-internal.h"

struct walker
{
  struct function_record *rec;
  struct frame *top;
  struct defer_scope *scope;
  int pos;
  hash_set<tree> *visited;	/* shared expression nodes (SAVE_EXPR...) */
  tree switch_body_marker;	/* a scope marker that is a switch body */
  tree *list_elem;		/* the statement-list element being walked */
};

static void walk (struct walker *w, tree *tp, bool expr_ctx);
static void walk_spine (struct walker *w, tree *tp);

/* Skip DEBUG_BEGIN_STMTs and one-element statement lists.  */
tree
cdefer_strip_debug (tree t)
{
  while (t && TREE_CODE (t) == STATEMENT_LIST)
    {
      tree only = NULL_TREE;
      int n = 0;
      for (tree_stmt_iterator i = tsi_start (t); !tsi_end_p (i); tsi_next (&i))
	if (TREE_CODE (tsi_stmt (i)) != DEBUG_BEGIN_STMT)
	  {
	    only = tsi_stmt (i);
	    n++;
	  }
      if (n != 1)
	return t;
      t = only;
    }
  return t;
}

/* Is STMT the marker loop `while (MARKER ()) BODY`?  */
bool
cdefer_is_marker (tree stmt, tree marker_id)
{
  if (!stmt || TREE_CODE (stmt) != WHILE_STMT || !marker_id)
    return false;
  tree c = WHILE_COND (stmt);
  for (;;)
    {
      if (!c)
	return false;
      if (TREE_CODE (c) == NE_EXPR && integer_zerop (TREE_OPERAND (c, 1)))
	c = TREE_OPERAND (c, 0);
      else if (CONVERT_EXPR_P (c) || TREE_CODE (c) == NON_LVALUE_EXPR)
	c = TREE_OPERAND (c, 0);
      else if (TREE_CODE (c) == C_MAYBE_CONST_EXPR)
	c = C_MAYBE_CONST_EXPR_EXPR (c);
      else
	break;
    }
  if (TREE_CODE (c) != CALL_EXPR)
    return false;
  tree fn = get_callee_fndecl (c);
  return fn && DECL_NAME (fn) == marker_id;
}

static struct frame *
push_frame (struct walker *w, enum frame_kind kind, tree node, location_t loc)
{
  struct frame *f = XCNEW (struct frame);
  f->kind = kind;
  f->parent = w->top;
  f->node = node;
  f->loc = loc;
  f->pos = ++w->pos;
  w->rec->frames.safe_push (f);
  w->top = f;
  return f;
}

static void
pop_frame (struct walker *w)
{
  w->top = w->top->parent;
}

bool
frame_chain_has (struct frame *f, struct frame *target)
{
  for (; f; f = f->parent)
    if (f == target)
      return true;
  return false;
}

static location_t
stmt_location (tree t, struct walker *w)
{
  if (t && EXPR_P (t) && EXPR_HAS_LOCATION (t))
    return EXPR_LOCATION (t);
  return w->top ? w->top->loc : DECL_SOURCE_LOCATION (w->rec->fndecl);
}

static void
record_vars (struct walker *w, tree bind, bool alive_at_scope_end)
{
  for (tree v = BIND_EXPR_VARS (bind); v; v = DECL_CHAIN (v))
    if (VAR_P (v))
      {
	struct var_rec r = { w->scope, alive_at_scope_end, bind };
	w->rec->vars->put (v, r);
      }
}

/* Take the mark of attribute cdefer_block (syntax.cc) out of BIND's
   variables; true if it was there: BIND is (the rest of) a block of the
   source that holds a defer, in model ts a defer scope.  */
static bool
take_block_marks (tree bind)
{
  bool found = false;
  for (tree *p = &BIND_EXPR_VARS (bind); *p;)
    if (cdefer_is_block_mark (*p))
      {
	*p = DECL_CHAIN (*p);
	found = true;
      }
    else
      p = &DECL_CHAIN (*p);
  if (found && BIND_EXPR_BLOCK (bind))
    BLOCK_VARS (BIND_EXPR_BLOCK (bind)) = BIND_EXPR_VARS (bind);
  return found;
}

/* Open a defer scope whose body is *ROOT and walk it.  */
static struct defer_scope *
open_scope (struct walker *w, enum scope_kind kind, tree *root, tree marker,
	    tree *marker_slot, location_t loc)
{
  struct defer_scope *s = XCNEW (struct defer_scope);
  s->kind = kind;
  s->parent = w->scope;
  s->root = root;
  s->marker = marker;
  s->marker_slot = marker_slot;
  s->loc = loc;
  s->switch_body = marker && marker == w->switch_body_marker;
  w->rec->scopes.safe_push (s);
  s->frame = push_frame (w, FRAME_SCOPE, marker, loc);
  s->frame->scope = s;
  struct defer_scope *saved = w->scope;
  w->scope = s;
  walk_spine (w, root);
  w->scope = saved;
  pop_frame (w);
  return s;
}

static void
walk_spine (struct walker *w, tree *tp)
{
  tree t = *tp;
  if (!t || TREE_CODE (t) != STATEMENT_LIST)
    {
      if (t && TREE_CODE (t) == BIND_EXPR)
	{
	  take_block_marks (t);
	  record_vars (w, t, true);
	  walk_spine (w, &BIND_EXPR_BODY (t));
	  return;
	}
      if (t && (TREE_CODE (t) == TRY_FINALLY_EXPR
		|| TREE_CODE (t) == TRY_CATCH_EXPR))
	{
	  walk_spine (w, &TREE_OPERAND (t, 0));
	  walk (w, &TREE_OPERAND (t, 1), false);
	  return;
	}
      /* Make every spine position an element of a statement list, so that
	 lowering has one shape to deal with.  */
      tree list = alloc_stmt_list ();
      if (t)
	append_to_statement_list_force (t, &list);
      *tp = list;
      t = list;
    }
  int index = 0;
  for (tree_stmt_iterator i = tsi_start (t); !tsi_end_p (i);
       tsi_next (&i), index++)
    {
      tree *slot = tsi_stmt_ptr (i);
      if (TREE_CODE (*slot) == TRY_FINALLY_EXPR
	  || TREE_CODE (*slot) == TRY_CATCH_EXPR)
	{
	  walk_spine (w, slot);
	  continue;
	}
      w->scope->cur_list = t;
      w->scope->cur_index = index;
      w->list_elem = slot;
      walk (w, slot, false);
    }
  w->scope->cur_list = NULL_TREE;
}

/* `defer BODY`, as the marker loop at *TP.  */
static void
walk_defer (struct walker *w, tree *tp)
{
  tree marker = *tp;
  struct defer_stmt *d = XCNEW (struct defer_stmt);
  d->marker = marker;
  d->slot = tp;
  d->loc = stmt_location (marker, w);
  d->pos = ++w->pos;
  d->ctx = w->top;
  d->in_list = w->list_elem == tp;
  d->owner = w->scope;
  d->list = w->scope->cur_list;
  d->index = w->scope->cur_index;
  if (d->list)
    {
      /* Direct when the marker is element INDEX of the spine list itself
	 (perhaps in a wrapper without variables), not nested somewhere
	 inside that element.  */
      tree_stmt_iterator i = tsi_start (d->list);
      for (int k = 0; k < d->index; k++)
	tsi_next (&i);
      tree e = tsi_stmt (i);
      while (TREE_CODE (e) == BIND_EXPR && !BIND_EXPR_VARS (e)
	     && !BIND_EXPR_BLOCK (e))
	e = cdefer_strip_debug (BIND_EXPR_BODY (e));
      d->direct = e == marker;
    }
  w->rec->defers.safe_push (d);
  w->scope->defers.safe_push (d);
  d->body = open_scope (w, SCOPE_DEFER_BODY, &WHILE_BODY (marker), marker, tp,
			d->loc);
}

static void
record_label (struct walker *w, tree label, location_t loc, bool is_case)
{
  struct label_rec *l = XCNEW (struct label_rec);
  l->label = label;
  l->loc = loc;
  l->pos = ++w->pos;
  l->ctx = w->top;
  l->first_jump_pos = INT_MAX;
  if (is_case)
    {
      for (struct frame *f = w->top; f; f = f->parent)
	if (f->kind == FRAME_SWITCH)
	  {
	    l->switch_frame = f;
	    break;
	  }
      w->rec->cases.safe_push (l);
    }
  else
    {
      w->rec->labels.safe_push (l);
      w->rec->label_map->put (label, l);
    }
}

static void
record_jump (struct walker *w, enum jump_kind kind, tree stmt, tree label)
{
  struct jump_rec *j = XCNEW (struct jump_rec);
  j->kind = kind;
  j->stmt = stmt;
  j->loc = stmt_location (stmt, w);
  j->pos = ++w->pos;
  j->ctx = w->top;
  j->label = label;
  if (kind == JUMP_GOTO)
    j->targets = build_tree_list (NULL_TREE, label);
  else if (kind == JUMP_ASM_GOTO)
    j->targets = ASM_LABELS (stmt);
  else if (kind == JUMP_NONLOCAL)
    j->targets = *w->rec->nonlocal_targets->get (label);
  w->rec->jumps.safe_push (j);
}

/* A BIND_EXPR met where a statement stands: a plain block `{ ... }`, or a
   void statement expression `({ ... });` used as a statement.  The front
   end marks the statement list of a statement expression; when that list
   was folded away, the source text decides (is the `{` after a `(`?).  */
static bool
bind_is_stmt_expr (tree bind)
{
  tree body = BIND_EXPR_BODY (bind);
  if (body && TREE_CODE (body) == STATEMENT_LIST
      && STATEMENT_LIST_STMT_EXPR (body))
    return true;
  if (!EXPR_HAS_LOCATION (bind))
    return false;
  location_t loc = linemap_resolve_location (line_table, EXPR_LOCATION (bind),
					     LRK_SPELLING_LOCATION, NULL);
  expanded_location xl = expand_location (loc);
  int len;
  const char *s = xl.file ? cdefer_source_line (xl.file, xl.line, &len) : NULL;
  if (!s || xl.column < 1 || xl.column > len || s[xl.column - 1] != '{')
    return false;
  for (int i = xl.column - 2; i >= 0; i--)
    if (!ISSPACE (s[i]))
      return s[i] == '(';
  return false;
}

/* Which of the calls the checks care about is CALL, if any?  */
static bool
classify_call (tree call, enum call_kind *kind, const char **name)
{
  tree fn = get_callee_fndecl (call);
  if (!fn || !DECL_NAME (fn))
    return false;
  *name = IDENTIFIER_POINTER (DECL_NAME (fn));
  const char *n = *name;
  if (DECL_IS_RETURNS_TWICE (fn))
    {
      *kind = CALL_SETJMP;
      return true;
    }
  switch (cd_classify_call (n))
    {
    case CD_CALL_EXIT:
      *kind = CALL_EXIT;
      return true;
    case CD_CALL_THREAD_EXIT:
      /* With -fexceptions thrd_exit unwinds and runs deferred bodies;
	 exit-skips-defer names thrd_exit only (SPEC 4).  */
      *kind = CALL_EXIT;
      return !flag_exceptions && strcmp (n, "thrd_exit") == 0;
    case CD_CALL_LONGJMP:
      *kind = CALL_LONGJMP;
      return true;
    case CD_CALL_SETJMP:
      *kind = CALL_SETJMP;
      return true;
    default:
      return false;
    }
}

static void
record_call (struct walker *w, tree call)
{
  enum call_kind kind;
  const char *name;
  if (!classify_call (call, &kind, &name))
    return;
  if (kind == CALL_SETJMP)
    w->rec->calls_setjmp = true;
  struct call_rec *c = XCNEW (struct call_rec);
  c->kind = kind;
  c->name = name;
  c->loc = stmt_location (call, w);
  c->pos = ++w->pos;
  c->ctx = w->top;
  w->rec->calls.safe_push (c);
}

static void
walk_operands (struct walker *w, tree t)
{
  int n = TREE_OPERAND_LENGTH (t);
  for (int i = 0; i < n; i++)
    walk (w, &TREE_OPERAND (t, i), true);
}

/* The body of an if, else, loop or switch: in model ts a block of its own
   (C99 6.8.4, 6.8.5), and so a defer scope.  */
static void
walk_body (struct walker *w, tree *body, location_t loc)
{
  if (cdefer_opts.model == MODEL_TS && *body && !IS_EMPTY_STMT (*body))
    open_scope (w, SCOPE_BLOCK, body, NULL_TREE, NULL, loc);
  else
    walk (w, body, false);
}

static void
walk_loop (struct walker *w, tree t, bool not_a_loop, tree *cond,
	   tree *body, tree *step)
{
  struct frame *f = push_frame (w, FRAME_LOOP, t, stmt_location (t, w));
  f->not_a_loop = not_a_loop;
  if (cond)
    walk (w, cond, true);
  walk_body (w, body, f->loc);
  if (step)
    walk (w, step, true);
  pop_frame (w);
}

static bool
is_omp_structured_block (enum tree_code code)
{
  switch (code)
    {
    case OMP_PARALLEL: case OMP_TASK: case OMP_SINGLE: case OMP_CRITICAL:
    case OMP_SECTION: case OMP_MASTER: case OMP_TEAMS: case OMP_TARGET:
    case OMP_TASKGROUP: case OMP_ORDERED:
      return true;
    default:
      return false;
    }
}

static bool
is_omp_loop (enum tree_code code)
{
  switch (code)
    {
    case OMP_FOR: case OMP_SIMD: case OMP_DISTRIBUTE: case OMP_TASKLOOP:
    case OMP_LOOP:
      return true;
    default:
      return false;
    }
}

static void
walk (struct walker *w, tree *tp, bool expr_ctx)
{
  tree t = *tp;
  if (!t || t == error_mark_node)
    return;
  enum tree_code code = TREE_CODE (t);
  if (TYPE_P (t) || DECL_P (t) || CONSTANT_CLASS_P (t))
    return;

  switch (code)
    {
    case STATEMENT_LIST:
      for (tree_stmt_iterator i = tsi_start (t); !tsi_end_p (i); tsi_next (&i))
	{
	  w->list_elem = tsi_stmt_ptr (i);
	  walk (w, tsi_stmt_ptr (i), false);
	}
      return;

    case BIND_EXPR:
      if (take_block_marks (t))
	{
	  open_scope (w, SCOPE_BLOCK, tp, NULL_TREE, NULL, stmt_location (t, w));
	  return;
	}
      /* Inside a statement expression the front end wraps each statement
	 that is a C99 block (a loop, an if; so our markers too) in a
	 BIND_EXPR without variables or BLOCK: not a block of the source.  */
      if (!expr_ctx && !BIND_EXPR_VARS (t) && !BIND_EXPR_BLOCK (t))
	{
	  walk (w, &BIND_EXPR_BODY (t), false);
	  return;
	}
      if (expr_ctx || bind_is_stmt_expr (t))
	open_scope (w, SCOPE_STMT_EXPR, tp, NULL_TREE, NULL,
		    stmt_location (t, w));
      else if (cdefer_opts.model == MODEL_TS)
	open_scope (w, SCOPE_BLOCK, tp, NULL_TREE, NULL, stmt_location (t, w));
      else
	{
	  record_vars (w, t, false);
	  walk (w, &BIND_EXPR_BODY (t), false);
	}
      return;

    case WHILE_STMT:
      if (cdefer_is_marker (t, cdefer_defer_marker_id))
	walk_defer (w, tp);
      else if (cdefer_is_marker (t, cdefer_scope_marker_id))
	open_scope (w, SCOPE_STATEMENT, &WHILE_BODY (t), t, tp,
		    stmt_location (t, w));
      else
	walk_loop (w, t, false, &WHILE_COND (t), &WHILE_BODY (t), NULL);
      return;

    case DO_STMT:
      walk_loop (w, t, DO_COND (t) && integer_zerop (DO_COND (t)),
		 &DO_COND (t), &DO_BODY (t), NULL);
      return;

    case FOR_STMT:
      walk (w, &FOR_INIT_STMT (t), false);
      walk_loop (w, t, false, &FOR_COND (t), &FOR_BODY (t), &FOR_EXPR (t));
      return;

    case SWITCH_STMT:
      {
	walk (w, &SWITCH_STMT_COND (t), true);
	push_frame (w, FRAME_SWITCH, t, stmt_location (t, w));
	tree saved = w->switch_body_marker;
	tree body = cdefer_strip_debug (SWITCH_STMT_BODY (t));
	w->switch_body_marker = cdefer_is_marker (body, cdefer_scope_marker_id)
				? body : NULL_TREE;
	walk_body (w, &SWITCH_STMT_BODY (t), stmt_location (t, w));
	w->switch_body_marker = saved;
	pop_frame (w);
	return;
      }

    case CASE_LABEL_EXPR:
      record_label (w, t, stmt_location (t, w), true);
      return;

    case LABEL_EXPR:
      record_label (w, LABEL_EXPR_LABEL (t),
		    DECL_SOURCE_LOCATION (LABEL_EXPR_LABEL (t)), false);
      return;

    case GOTO_EXPR:
      if (TREE_CODE (GOTO_DESTINATION (t)) == LABEL_DECL)
	record_jump (w, JUMP_GOTO, t, GOTO_DESTINATION (t));
      else
	{
	  record_jump (w, JUMP_COMPUTED_GOTO, t, NULL_TREE);
	  walk (w, &GOTO_DESTINATION (t), true);
	}
      return;

    case RETURN_EXPR:
      record_jump (w, JUMP_RETURN, t, NULL_TREE);
      walk (w, &TREE_OPERAND (t, 0), true);
      return;

    case BREAK_STMT:
      record_jump (w, JUMP_BREAK, t, NULL_TREE);
      return;

    case CONTINUE_STMT:
      record_jump (w, JUMP_CONTINUE, t, NULL_TREE);
      return;

    case ASM_EXPR:
      if (ASM_LABELS (t))
	record_jump (w, JUMP_ASM_GOTO, t, NULL_TREE);
      walk (w, &ASM_OUTPUTS (t), true);
      walk (w, &ASM_INPUTS (t), true);
      return;

    case DECL_EXPR:
      {
	tree d = DECL_EXPR_DECL (t);
	/* Static initialisers too: they may take label addresses.  */
	if (VAR_P (d))
	  walk (w, &DECL_INITIAL (d), true);
	return;
      }

    case TARGET_EXPR:
      if (w->visited->add (t))
	return;
      walk (w, &TARGET_EXPR_INITIAL (t), true);
      walk (w, &TARGET_EXPR_CLEANUP (t), true);
      return;

    case SAVE_EXPR:
      if (w->visited->add (t))
	return;
      walk (w, &TREE_OPERAND (t, 0), true);
      return;

    case ADDR_EXPR:
      /* `&&label`: the front end does not set FORCED_LABEL yet.  */
      if (TREE_CODE (TREE_OPERAND (t, 0)) == LABEL_DECL)
	{
	  struct address_rec *a = XCNEW (struct address_rec);
	  a->label = TREE_OPERAND (t, 0);
	  a->loc = stmt_location (t, w);
	  a->ctx = w->top;
	  w->rec->addresses.safe_push (a);
	  w->rec->address_taken_labels->add (a->label);
	}
      else if (TREE_CODE (TREE_OPERAND (t, 0)) == FUNCTION_DECL
	       && w->rec->nonlocal_targets->get (TREE_OPERAND (t, 0)))
	record_jump (w, JUMP_NONLOCAL, t, TREE_OPERAND (t, 0));
      else
	walk (w, &TREE_OPERAND (t, 0), true);
      return;

    case CALL_EXPR:
      record_call (w, t);
      walk_operands (w, t);
      return;

    case COND_EXPR:
      walk (w, &COND_EXPR_COND (t), true);
      if (VOID_TYPE_P (TREE_TYPE (t)) && !expr_ctx)
	{
	  struct if_rec *r = XCNEW (struct if_rec);
	  r->stmt = t;
	  r->loc = stmt_location (t, w);
	  r->pos = ++w->pos;
	  r->ctx = w->top;
	  w->rec->ifs.safe_push (r);
	  walk_body (w, &COND_EXPR_THEN (t), stmt_location (t, w));
	  walk_body (w, &COND_EXPR_ELSE (t), stmt_location (t, w));
	}
      else
	{
	  walk (w, &COND_EXPR_THEN (t), expr_ctx);
	  walk (w, &COND_EXPR_ELSE (t), expr_ctx);
	}
      return;

    case TRY_FINALLY_EXPR:
    case TRY_CATCH_EXPR:
      walk (w, &TREE_OPERAND (t, 0), false);
      walk (w, &TREE_OPERAND (t, 1), false);
      return;

    case CONSTRUCTOR:
      {
	unsigned i;
	constructor_elt *e;
	FOR_EACH_VEC_SAFE_ELT (CONSTRUCTOR_ELTS (t), i, e)
	  walk (w, &e->value, true);
	return;
      }

    case TREE_LIST:
      for (; t; t = TREE_CHAIN (t))
	walk (w, &TREE_VALUE (t), true);
      return;

    default:
      break;
    }

  if (is_omp_structured_block (code))
    {
      for (int i = 1; i < TREE_OPERAND_LENGTH (t); i++)
	walk (w, &TREE_OPERAND (t, i), true);
      open_scope (w, SCOPE_OMP, &TREE_OPERAND (t, 0), NULL_TREE, NULL,
		  stmt_location (t, w));
      return;
    }
  if (is_omp_loop (code))
    {
      struct frame *f = push_frame (w, FRAME_LOOP, t, stmt_location (t, w));
      f->not_a_loop = false;
      walk_operands (w, t);
      pop_frame (w);
      return;
    }
  if (EXPR_P (t) || STATEMENT_CLASS_P (t)
      || TREE_CODE_CLASS (code) == tcc_vl_exp)
    walk_operands (w, t);
}

static void
free_record (struct function_record *rec)
{
  for (unsigned i = 0; i < rec->scopes.length (); i++)
    {
      rec->scopes[i]->defers.release ();
      rec->scopes[i]->flags.release ();
      free (rec->scopes[i]);
    }
  for (unsigned i = 0; i < rec->defers.length (); i++)
    free (rec->defers[i]);
  for (unsigned i = 0; i < rec->labels.length (); i++)
    free (rec->labels[i]);
  for (unsigned i = 0; i < rec->cases.length (); i++)
    free (rec->cases[i]);
  for (unsigned i = 0; i < rec->jumps.length (); i++)
    free (rec->jumps[i]);
  for (unsigned i = 0; i < rec->frames.length (); i++)
    free (rec->frames[i]);
  for (unsigned i = 0; i < rec->calls.length (); i++)
    free (rec->calls[i]);
  rec->calls.release ();
  for (unsigned i = 0; i < rec->ifs.length (); i++)
    free (rec->ifs[i]);
  rec->ifs.release ();
  for (unsigned i = 0; i < rec->addresses.length (); i++)
    free (rec->addresses[i]);
  rec->addresses.release ();
  rec->scopes.release ();
  rec->defers.release ();
  rec->labels.release ();
  rec->cases.release ();
  rec->jumps.release ();
  rec->frames.release ();
  delete rec->label_map;
  delete rec->vars;
  delete rec->address_taken_labels;
  delete rec->nonlocal_labels;
  delete rec->nonlocal_targets;
}

/* ---- non-local gotos ----

   A nested function may `goto` a label of the function it is nested in
   (declared with __label__).  GCC implements that like a computed jump,
   and its cleanup machinery does not run for it; the containing function
   must also treat such a label as reachable from anywhere.  */

struct nonlocal_search
{
  tree fn;			/* whose labels */
  tree labels;			/* TREE_LIST found so far */
};

static tree
find_nonlocal_gotos_r (tree *tp, int *walk_subtrees, void *data)
{
  struct nonlocal_search *s = (struct nonlocal_search *) data;
  tree t = *tp;
  if (TYPE_P (t) || DECL_P (t))
    *walk_subtrees = 0;
  else if (TREE_CODE (t) == GOTO_EXPR
	   && TREE_CODE (GOTO_DESTINATION (t)) == LABEL_DECL
	   && DECL_CONTEXT (GOTO_DESTINATION (t)) == s->fn
	   && !purpose_member (GOTO_DESTINATION (t), s->labels))
    s->labels = tree_cons (GOTO_DESTINATION (t), NULL_TREE, s->labels);
  return NULL_TREE;
}

/* Add to S the labels of S->fn that NESTED, or a function nested in it,
   jumps to.  */
static void
find_nonlocal_gotos (struct nonlocal_search *s, tree nested)
{
  walk_tree_without_duplicates (&DECL_SAVED_TREE (nested),
				find_nonlocal_gotos_r, s);
  cgraph_node *node = cgraph_node::get (nested);
  for (cgraph_node *n = node ? first_nested_function (node) : NULL; n;
       n = next_nested_function (n))
    find_nonlocal_gotos (s, n->decl);
}

static void
record_nonlocal_targets (struct function_record *rec)
{
  cgraph_node *node = cgraph_node::get (rec->fndecl);
  for (cgraph_node *n = node ? first_nested_function (node) : NULL; n;
       n = next_nested_function (n))
    {
      struct nonlocal_search s = { rec->fndecl, NULL_TREE };
      find_nonlocal_gotos (&s, n->decl);
      if (!s.labels)
	continue;
      /* TREE_VALUE holds the label, as in the targets of other jumps.  */
      tree targets = NULL_TREE;
      for (tree l = s.labels; l; l = TREE_CHAIN (l))
	{
	  targets = tree_cons (NULL_TREE, TREE_PURPOSE (l), targets);
	  rec->nonlocal_labels->add (TREE_PURPOSE (l));
	}
      rec->nonlocal_targets->put (n->decl, targets);
    }
}

/* For each label, the earliest goto or asm goto that targets it.  */
static void
note_jump_targets (struct function_record *rec)
{
  for (unsigned i = 0; i < rec->jumps.length (); i++)
    {
      struct jump_rec *j = rec->jumps[i];
      for (tree t = j->targets; t; t = TREE_CHAIN (t))
	{
	  struct label_rec **l = rec->label_map->get (TREE_VALUE (t));
	  if (l && j->pos < (*l)->first_jump_pos)
	    (*l)->first_jump_pos = j->pos;
	}
    }
}

/* The slot holding the function's own block.  In C99 `main` the body is
   { BIND_EXPR; return 0; }: the scope is the BIND_EXPR, and the implicit
   `return 0` runs after its deferred bodies.  */
static tree *
function_body_slot (tree fndecl)
{
  tree *body = &DECL_SAVED_TREE (fndecl);
  if (*body && TREE_CODE (*body) == STATEMENT_LIST)
    for (tree_stmt_iterator i = tsi_start (*body); !tsi_end_p (i);
	 tsi_next (&i))
      if (TREE_CODE (tsi_stmt (i)) == BIND_EXPR
	  && BIND_EXPR_BLOCK (tsi_stmt (i)) == DECL_INITIAL (fndecl))
	return tsi_stmt_ptr (i);
  return body;
}

static void
process_one_function (tree fndecl)
{
  if (!DECL_SAVED_TREE (fndecl) || DECL_SAVED_TREE (fndecl) == error_mark_node)
    return;
  struct function_record rec;
  memset (&rec, 0, sizeof rec);
  rec.fndecl = fndecl;
  rec.label_map = new hash_map<tree, label_rec *>;
  rec.vars = new hash_map<tree, var_rec>;
  rec.address_taken_labels = new hash_set<tree>;
  rec.nonlocal_labels = new hash_set<tree>;
  rec.nonlocal_targets = new hash_map<tree, tree>;
  record_nonlocal_targets (&rec);
  hash_set<tree> visited;
  struct walker w;
  memset (&w, 0, sizeof w);
  w.rec = &rec;
  w.visited = &visited;

  open_scope (&w, SCOPE_FUNCTION, function_body_slot (fndecl), NULL_TREE,
	      NULL, DECL_SOURCE_LOCATION (fndecl));

  note_jump_targets (&rec);
  if (rec.scopes.length () > 1)
    {
      int errors_before = errorcount;
      cdefer_check_function (&rec);
      if (errorcount == errors_before && !seen_error ())
	cdefer_lower_function (&rec);
    }
  free_record (&rec);
}

static void
process_with_nested (tree fndecl)
{
  process_one_function (fndecl);
  cgraph_node *node = cgraph_node::get (fndecl);
  if (!node)
    return;
  for (cgraph_node *n = first_nested_function (node); n;
       n = next_nested_function (n))
    process_with_nested (n->decl);
}

void
cdefer_process_function (tree fndecl)
{
  static unsigned long markers_seen;
  if (!cdefer_input_has_markers && cdefer_marker_count == markers_seen)
    return;
  markers_seen = cdefer_marker_count;
  process_with_nested (fndecl);
}
