/* SPDX-License-Identifier: GPL-3.0-or-later */
/* checks.cc - the checks of SPEC section 4 that still read GCC's trees
   (escaping-capture, defer-before-check; address-escape is in escape.cc)
   until they move to the rule engine.  The structural rules run in the
   core (core/structure.c) on the function's description.  */

#include "cdefer-internal.h"

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
  cd_check (rec->core);
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      /* Variables of the loop (for-init, body) die with the iteration;
	 making the loop body a scope fixes both, so report the loop only.  */
      if (!cd_defer_in_loop (rec->core, d->core_id))
	check_escaping_capture (rec, d);
      check_defer_before_check (rec, d);
      cdefer_check_address_escape (rec, d);
    }
}
