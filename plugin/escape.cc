/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escape.cc - address-escape: a deferred body that lets the address of an
   automatic variable (or of a GNU nested function, which lives on the
   stack) outlive the scope.

   The body runs as the frame is about to die, so a stack address it hands
   out is a dangling pointer by the time anyone else reads it: typically a
   thread started from a deferred body, or a registration in global state.
   An escape is (SPEC section 4):
   - a store of such an address into a static or global object, or through
     a pointer that is a parameter, a global, or derived from one;
   - passing it as an argument the callee keeps: the fixed list below, and
     any parameter marked __attribute__((cdefer_retains(N))).
   Passing &x to a function that only uses it during the call is fine.  */

#include "cdefer-internal.h"

/* The automatic variable or nested function whose address E is, or
   NULL_TREE.  */
static tree
stack_address (tree e)
{
  STRIP_NOPS (e);
  if (TREE_CODE (e) == POINTER_PLUS_EXPR)
    return stack_address (TREE_OPERAND (e, 0));
  if (TREE_CODE (e) == COMPOUND_EXPR)
    return stack_address (TREE_OPERAND (e, 1));
  if (TREE_CODE (e) != ADDR_EXPR)
    return NULL_TREE;
  tree base = TREE_OPERAND (e, 0);
  if (TREE_CODE (base) == FUNCTION_DECL)
    return decl_function_context (base) ? base : NULL_TREE;
  base = get_base_address (base);
  if (base && VAR_P (base) && !TREE_STATIC (base) && !DECL_EXTERNAL (base)
      && DECL_CONTEXT (base) && TREE_CODE (DECL_CONTEXT (base)) == FUNCTION_DECL)
    return base;
  return NULL_TREE;
}

static bool
is_global (tree v)
{
  return VAR_P (v) && (TREE_STATIC (v) || DECL_EXTERNAL (v));
}

/* Local pointers that hold a value derived from a parameter or a global
   (`struct ctx *c = arg;`): a store through them reaches memory that
   outlives the frame.  */
struct derived_search
{
  hash_set<tree> *derived;
  bool changed;
};

static bool
derives_from_outside (tree e, hash_set<tree> *derived)
{
  STRIP_NOPS (e);
  switch (TREE_CODE (e))
    {
    case PARM_DECL:
      return true;
    case VAR_DECL:
      return is_global (e) || derived->contains (e);
    case POINTER_PLUS_EXPR:
    case COMPOUND_EXPR:
      return derives_from_outside (TREE_OPERAND (e, TREE_CODE (e)
						 == COMPOUND_EXPR), derived);
    case ADDR_EXPR:
      {
	tree base = get_base_address (TREE_OPERAND (e, 0));
	if (!base)
	  return false;
	if (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == INDIRECT_REF)
	  return derives_from_outside (TREE_OPERAND (base, 0), derived);
	return is_global (base);
      }
    case COMPONENT_REF:
    case ARRAY_REF:
    case MEM_REF:
    case INDIRECT_REF:
      {
	/* A pointer loaded from memory reached through an outside pointer.  */
	tree base = get_base_address (e);
	if (base && (TREE_CODE (base) == MEM_REF
		     || TREE_CODE (base) == INDIRECT_REF))
	  return derives_from_outside (TREE_OPERAND (base, 0), derived);
	return base && (is_global (base) || TREE_CODE (base) == PARM_DECL);
      }
    default:
      return false;
    }
}

static tree
find_derived (tree *tp, int *walk_subtrees, void *data)
{
  struct derived_search *s = (struct derived_search *) data;
  tree t = *tp, lhs = NULL_TREE, rhs = NULL_TREE;
  if (TYPE_P (t))
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  if (TREE_CODE (t) == MODIFY_EXPR || TREE_CODE (t) == INIT_EXPR)
    lhs = TREE_OPERAND (t, 0), rhs = TREE_OPERAND (t, 1);
  else if (TREE_CODE (t) == DECL_EXPR && VAR_P (DECL_EXPR_DECL (t)))
    lhs = DECL_EXPR_DECL (t), rhs = DECL_INITIAL (lhs);
  if (lhs && rhs && VAR_P (lhs) && !is_global (lhs)
      && POINTER_TYPE_P (TREE_TYPE (lhs)) && !s->derived->contains (lhs)
      && derives_from_outside (rhs, s->derived))
    {
      s->derived->add (lhs);
      s->changed = true;
    }
  return NULL_TREE;
}

static hash_set<tree> *
derived_pointers (tree fndecl)
{
  hash_set<tree> *derived = new hash_set<tree>;
  struct derived_search s = { derived, true };
  for (int round = 0; s.changed && round < 8; round++)
    {
      s.changed = false;
      walk_tree_without_duplicates (&DECL_SAVED_TREE (fndecl), find_derived,
				    &s);
    }
  return derived;
}

/* Does a store into LHS put the value where it outlives the frame?  */
static bool
store_escapes (tree lhs, hash_set<tree> *derived)
{
  tree base = get_base_address (lhs);
  if (!base)
    return false;
  if (is_global (base))
    return true;
  if (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == INDIRECT_REF)
    return derives_from_outside (TREE_OPERAND (base, 0), derived);
  return false;
}

static bool
argument_is_retained (tree fn, int index, tree what)
{
  if (cd_call_retains_arg (IDENTIFIER_POINTER (DECL_NAME (fn)), index,
			   TREE_CODE (what) == FUNCTION_DECL))
    return true;
  for (tree a = cdefer_attribute_args (fn, "cdefer_retains"); a;
       a = TREE_CHAIN (a))
    if (TREE_CODE (TREE_VALUE (a)) == INTEGER_CST
	&& tree_to_shwi (TREE_VALUE (a)) == index + 1)
      return true;
  return false;
}

struct escape_search
{
  struct function_record *rec;
  hash_set<tree> *derived;
  bool reported;
};

static void
report_escape (location_t loc, tree what)
{
  const char *name = DECL_NAME (what) ? IDENTIFIER_POINTER (DECL_NAME (what))
				      : "?";
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_ADDRESS_ESCAPE, loc, NULL, name))
    cdefer_note (DECL_SOURCE_LOCATION (what),
		 TREE_CODE (what) == FUNCTION_DECL
		 ? "'%s' is a nested function: it lives in the stack frame"
		 : "'%s' is an automatic variable: its storage ends with the "
		   "frame", name);
}

static tree
find_escape (tree *tp, int *walk_subtrees, void *data)
{
  struct escape_search *s = (struct escape_search *) data;
  tree t = *tp;
  if (TYPE_P (t) || s->reported)
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  location_t loc = EXPR_P (t) && EXPR_HAS_LOCATION (t) ? EXPR_LOCATION (t)
						       : UNKNOWN_LOCATION;
  if (TREE_CODE (t) == MODIFY_EXPR || TREE_CODE (t) == INIT_EXPR)
    {
      tree what = stack_address (TREE_OPERAND (t, 1));
      if (what && store_escapes (TREE_OPERAND (t, 0), s->derived))
	{
	  report_escape (loc, what);
	  s->reported = true;
	}
    }
  else if (TREE_CODE (t) == CALL_EXPR)
    {
      tree fn = get_callee_fndecl (t);
      if (fn && DECL_NAME (fn))
	for (int i = 0; i < call_expr_nargs (t); i++)
	  {
	    tree what = stack_address (CALL_EXPR_ARG (t, i));
	    if (what && argument_is_retained (fn, i, what))
	      {
		report_escape (loc, what);
		s->reported = true;
		break;
	      }
	  }
    }
  return NULL_TREE;
}

void
cdefer_check_address_escape (struct function_record *rec,
			     struct defer_stmt *d)
{
  static tree derived_for;
  static hash_set<tree> *derived;
  if (derived_for != rec->fndecl)
    {
      delete derived;
      derived = derived_pointers (rec->fndecl);
      derived_for = rec->fndecl;
    }
  struct escape_search s = { rec, derived, false };
  walk_tree_without_duplicates (&WHILE_BODY (d->marker), find_escape, &s);
}
