/* SPDX-License-Identifier: GPL-3.0-or-later */
/* values.cc - the plugin as a reader of values for the rule engine: the
   facts of cdefer-core.h's "values" section, read from GCC's trees.  What
   an expression is (struct cd_expr) is decided here, from the trees; what
   follows from it (escaping-capture, address-escape, defer-before-check,
   released-value-escapes) is decided in core/values.c, once for both
   backends.  analyse.cc calls these functions as its walk meets
   declarations, variables, assignments, calls, returns, `if` conditions
   and defers.  */

#include "cdefer-internal.h"

/* Is DECL a variable of function FN (a local, static or not, or a
   parameter) or a nested function defined in FN: the ones described.  */
bool
cdefer_own_decl (tree decl, tree fn)
{
  if (!DECL_NAME (decl) || DECL_ARTIFICIAL (decl))
    return false;
  /* A block-scope extern is the file-scope object: not described.  */
  if (VAR_P (decl) && DECL_EXTERNAL (decl))
    return false;
  if (VAR_P (decl) || TREE_CODE (decl) == PARM_DECL)
    return DECL_CONTEXT (decl) == fn;
  /* a nested function defined here; not a block-scope declaration of an
     external one (implicit ones too) */
  return TREE_CODE (decl) == FUNCTION_DECL && !DECL_EXTERNAL (decl)
	 && decl_function_context (decl) == fn;
}

static const char *
name_of (tree decl)
{
  return IDENTIFIER_POINTER (DECL_NAME (decl));
}

/* Is DECL an array declared with `[...]` in its declarator?  An array
   type that comes from a typedef name (jmp_buf, va_list) is not: the
   front end, which reads declarations without their typedefs' meaning,
   cannot tell it from a scalar, and the two readers must agree.  */
static bool
declared_array (tree decl)
{
  tree type = TREE_TYPE (decl);
  return TREE_CODE (type) == ARRAY_TYPE
	 && !(TYPE_NAME (type) && TREE_CODE (TYPE_NAME (type)) == TYPE_DECL);
}

static unsigned
var_flags (tree decl)
{
  tree type = TREE_TYPE (decl);
  unsigned flags = 0;
  if (declared_array (decl))
    {
      flags |= CD_VAR_ARRAY;
      if (TYPE_SIZE (type) && !TREE_CONSTANT (TYPE_SIZE (type)))
	flags |= CD_VAR_VLA;
    }
  else if (POINTER_TYPE_P (type))
    flags |= CD_VAR_POINTER;
  return flags;
}

static void
describe_decl (cd_func *core, tree decl, tree fn)
{
  if (!cdefer_own_decl (decl, fn))
    return;
  enum cd_storage storage
    = TREE_CODE (decl) == FUNCTION_DECL ? CD_NESTED_FUNCTION
      : TREE_CODE (decl) == PARM_DECL ? CD_PARAM
      : TREE_STATIC (decl) || DECL_EXTERNAL (decl) ? CD_STATIC : CD_AUTO;
  cd_var (core, decl, name_of (decl), (cd_loc) DECL_SOURCE_LOCATION (decl),
	  storage, TREE_CODE (decl) == FUNCTION_DECL ? 0 : var_flags (decl));
}

void
cdefer_describe_params (cd_func *core, tree fn)
{
  for (tree p = DECL_ARGUMENTS (fn); p; p = DECL_CHAIN (p))
    describe_decl (core, p, fn);
}

void
cdefer_describe_block_vars (cd_func *core, tree bind, tree fn)
{
  for (tree v = BIND_EXPR_VARS (bind); v; v = DECL_CHAIN (v))
    describe_decl (core, v, fn);
}

/* ---- what an expression is ---- */

static struct cd_expr
expr_of (enum cd_expr_kind kind, tree var)
{
  struct cd_expr e = { kind, var, 0, false };
  return e;
}

/* E without conversions, C_MAYBE_CONST_EXPR wrappers and the left side of
   comma operators; *BARE goes false if a cast or a comma was there.  */
static tree
strip (tree e, bool *bare)
{
  for (;;)
    switch (TREE_CODE (e))
      {
      case NOP_EXPR:
      case CONVERT_EXPR:
      case NON_LVALUE_EXPR:
      case VIEW_CONVERT_EXPR:
      case FIX_TRUNC_EXPR:
      case FLOAT_EXPR:
	*bare = false;
	e = TREE_OPERAND (e, 0);
	break;
      case COMPOUND_EXPR:
	*bare = false;
	e = TREE_OPERAND (e, 1);
	break;
      case C_MAYBE_CONST_EXPR:
	e = C_MAYBE_CONST_EXPR_EXPR (e);
	break;
      case SAVE_EXPR:
	e = TREE_OPERAND (e, 0);
	break;
      default:
	return e;
      }
}

/* The variable a reference R (an lvalue: v.m, v[i], *p, p->m ...) starts
   from, or NULL_TREE; *DEREF: a pointer is followed on the way.  */
static tree
ref_base (tree r, bool *deref)
{
  bool bare;
  for (;;)
    {
      r = strip (r, &bare);
      switch (TREE_CODE (r))
	{
	case ARRAY_REF:
	case ARRAY_RANGE_REF:
	  /* `s.a[i]`: the front end cannot tell an array member from a
	     pointer one, and reads `[]` after a member as through a
	     pointer; so do we.  `v[i]` on an array v is v's storage.  */
	  r = TREE_OPERAND (r, 0);
	  if (!VAR_P (r) && TREE_CODE (r) != PARM_DECL)
	    *deref = true;
	  break;
	case COMPONENT_REF:
	case BIT_FIELD_REF:
	case REALPART_EXPR:
	case IMAGPART_EXPR:
	  r = TREE_OPERAND (r, 0);
	  break;
	case INDIRECT_REF:
	case MEM_REF:
	  *deref = true;
	  r = TREE_OPERAND (r, 0);
	  break;
	case POINTER_PLUS_EXPR:
	case PLUS_EXPR:
	case MINUS_EXPR:
	  r = TREE_OPERAND (r, 0);
	  break;
	case ADDR_EXPR:
	  r = TREE_OPERAND (r, 0);
	  break;
	case VAR_DECL:
	case PARM_DECL:
	  return r;
	default:
	  return NULL_TREE;
	}
    }
}

static bool
is_nested_function (tree decl)
{
  return TREE_CODE (decl) == FUNCTION_DECL && !DECL_EXTERNAL (decl)
	 && decl_function_context (decl);
}

/* `&X`: the address of what X designates.  An array that decays to a
   pointer is an ADDR_EXPR too: a member array (`s.name`) is read as the
   member (the front end does not know it is an array), a variable
   declared as an array is its address, one whose type is a typedef'd
   array is its value.  */
static struct cd_expr
classify_address (tree op)
{
  if (is_nested_function (op))
    return expr_of (CD_EXPR_ADDRESS, op);
  if (TREE_CODE (TREE_TYPE (op)) == ARRAY_TYPE)
    {
      if (VAR_P (op) || TREE_CODE (op) == PARM_DECL)
	return cdefer_classify (op);
      if (TREE_CODE (op) == COMPONENT_REF || TREE_CODE (op) == ARRAY_REF)
	return cdefer_classify (op);
    }
  bool deref = false;
  tree base = ref_base (op, &deref);
  if (!base || !DECL_NAME (base) || DECL_ARTIFICIAL (base))
    return expr_of (CD_EXPR_OTHER, NULL_TREE);
  return expr_of (deref ? CD_EXPR_DEREF : CD_EXPR_ADDRESS, base);
}

struct cd_expr
cdefer_classify (tree e)
{
  if (!e)
    return expr_of (CD_EXPR_OTHER, NULL_TREE);
  bool bare = true;
  e = strip (e, &bare);
  switch (TREE_CODE (e))
    {
    case INTEGER_CST:
      {
	struct cd_expr c = { CD_EXPR_CONST, NULL, 0, false };
	if (!tree_fits_shwi_p (e))
	  return expr_of (CD_EXPR_OTHER, NULL_TREE);
	c.value = tree_to_shwi (e);
	return c;
      }
    case VAR_DECL:
    case PARM_DECL:
      {
	if (!DECL_NAME (e) || DECL_ARTIFICIAL (e))
	  return expr_of (CD_EXPR_OTHER, NULL_TREE);	/* __func__, ... */
	if (declared_array (e))
	  return expr_of (CD_EXPR_ADDRESS, e);
	struct cd_expr v = expr_of (CD_EXPR_VAR, e);
	v.bare = bare;
	return v;
      }
    case ADDR_EXPR:
      return classify_address (TREE_OPERAND (e, 0));
    case CALL_EXPR:
      return expr_of (CD_EXPR_CALL, NULL_TREE);
    case POINTER_PLUS_EXPR:
    case PLUS_EXPR:
    case MINUS_EXPR:
    case POINTER_DIFF_EXPR:
      {
	/* pointer arithmetic keeps the pointer's origin */
	struct cd_expr l = cdefer_classify (TREE_OPERAND (e, 0));
	if (l.kind == CD_EXPR_CONST || l.kind == CD_EXPR_CALL)
	  return expr_of (CD_EXPR_OTHER, NULL_TREE);
	l.bare = false;
	return l;
      }
    case COMPONENT_REF:
    case ARRAY_REF:
    case INDIRECT_REF:
    case MEM_REF:
      {
	bool deref = false;
	tree base = ref_base (e, &deref);
	if (!base || !DECL_NAME (base) || DECL_ARTIFICIAL (base))
	  return expr_of (CD_EXPR_OTHER, NULL_TREE);
	return expr_of (deref ? CD_EXPR_DEREF : CD_EXPR_MEMBER, base);
      }
    default:
      return expr_of (CD_EXPR_OTHER, NULL_TREE);
    }
}

/* ---- calls ---- */

/* Is argument INDEX (0-based) of FN named in FN's attribute NAME?  */
static bool
attribute_names_arg (tree fn, const char *name, int index)
{
  for (tree a = cdefer_attribute_args (fn, name); a; a = TREE_CHAIN (a))
    if (TREE_CODE (TREE_VALUE (a)) == INTEGER_CST
	&& tree_to_shwi (TREE_VALUE (a)) == index + 1)
      return true;
  return false;
}

static uint64_t
released_args (tree fn)
{
  uint64_t bits = 0;
  for (tree a = cdefer_attribute_args (fn, "cdefer_releases"); a;
       a = TREE_CHAIN (a))
    if (TREE_CODE (TREE_VALUE (a)) == INTEGER_CST
	&& tree_to_shwi (TREE_VALUE (a)) >= 1
	&& tree_to_shwi (TREE_VALUE (a)) <= 64)
      bits |= (uint64_t) 1 << (tree_to_shwi (TREE_VALUE (a)) - 1);
  return bits;
}

/* The arguments of CALL (a call of a named function), after the walk of
   its operands.  */
void
cdefer_describe_call_args (cd_func *core, tree call, location_t loc)
{
  tree fn = get_callee_fndecl (call);
  if (!fn || !DECL_NAME (fn))
    return;
  for (int i = 0; i < call_expr_nargs (call); i++)
    {
      struct cd_expr e = cdefer_classify (CALL_EXPR_ARG (call, i));
      if (e.kind == CD_EXPR_OTHER)
	continue;
      unsigned flags = 0;
      if (attribute_names_arg (fn, "cdefer_retains", i))
	flags |= CD_ARG_RETAINED;
      if (attribute_names_arg (fn, "cdefer_releases", i))
	flags |= CD_ARG_RELEASED;
      cd_arg (core, name_of (fn), i, e, flags, (cd_loc) loc);
    }
}

/* ---- assignments ---- */

/* `LHS = RHS` (MODIFY_EXPR, INIT_EXPR).  A compound assignment `v += e`
   is `v = v + e` here already.  */
/* Is E an lvalue rooted in a variable of the source (not one of GCC's
   temporaries)?  */
static bool
source_lvalue (const struct cd_expr *e)
{
  if (e->kind == CD_EXPR_OTHER || e->kind == CD_EXPR_CONST
      || e->kind == CD_EXPR_CALL)
    return false;
  tree v = (tree) e->var;
  return DECL_NAME (v) && !DECL_ARTIFICIAL (v);
}

void
cdefer_describe_assignment (cd_func *core, tree t, bool compound,
			    location_t loc)
{
  struct cd_expr lhs = cdefer_classify (TREE_OPERAND (t, 0));
  if (!source_lvalue (&lhs))
    return;
  struct cd_expr value = cdefer_classify (TREE_OPERAND (t, 1));
  if (compound)
    {
      /* `v += e`, `v -= e` keep v's origin (pointer arithmetic); other
	 operators make a number */
      tree r = TREE_OPERAND (t, 1);
      STRIP_NOPS (r);
      enum tree_code code = TREE_CODE (r);
      value = lhs;
      value.bare = false;
      if (code != PLUS_EXPR && code != MINUS_EXPR
	  && code != POINTER_PLUS_EXPR)
	value = expr_of (CD_EXPR_OTHER, NULL_TREE);
    }
  cd_assign (core, lhs, value, (cd_loc) loc);
}

/* `v++`, `--p->n`: the operand changes to a number.  */
void
cdefer_describe_increment (cd_func *core, tree t, location_t loc)
{
  struct cd_expr lhs = cdefer_classify (TREE_OPERAND (t, 0));
  if (!source_lvalue (&lhs))
    return;
  cd_assign (core, lhs, expr_of (CD_EXPR_OTHER, NULL_TREE), (cd_loc) loc);
}

/* `T v = INIT;`  */
void
cdefer_describe_initializer (cd_func *core, tree decl, tree fn)
{
  if (!cdefer_own_decl (decl, fn) || !DECL_INITIAL (decl))
    return;
  struct cd_expr lhs = expr_of (CD_EXPR_VAR, decl);
  lhs.bare = true;
  cd_assign (core, lhs, cdefer_classify (DECL_INITIAL (decl)),
	     (cd_loc) DECL_SOURCE_LOCATION (decl));
}

/* `return E;` at LOC: RET is the RETURN_EXPR.  */
void
cdefer_describe_return_value (cd_func *core, tree ret, location_t loc)
{
  tree e = TREE_OPERAND (ret, 0);
  if (!e)
    return;
  if (TREE_CODE (e) == MODIFY_EXPR || TREE_CODE (e) == INIT_EXPR)
    e = TREE_OPERAND (e, 1);
  cd_return_value (core, (cd_loc) loc, cdefer_classify (e), (cd_loc) loc,
		   (cd_loc) loc);
}

/* ---- if conditions ---- */

/* Is COND a test of V for failure: !v, v == 0 (NULL), v == -1, v < 0,
   v <= -1, either way round, or an || of those?  */
static bool
tests_for_failure (tree cond, tree v)
{
  bool bare;
  cond = strip (cond, &bare);
  enum tree_code code = TREE_CODE (cond);
  if (code == TRUTH_ORIF_EXPR || code == TRUTH_OR_EXPR)
    return tests_for_failure (TREE_OPERAND (cond, 0), v)
	   || tests_for_failure (TREE_OPERAND (cond, 1), v);
  if (code == TRUTH_NOT_EXPR)
    return strip (TREE_OPERAND (cond, 0), &bare) == v;
  if (code != EQ_EXPR && code != LT_EXPR && code != LE_EXPR
      && code != GT_EXPR && code != GE_EXPR)
    return false;
  tree a = strip (TREE_OPERAND (cond, 0), &bare);
  tree b = strip (TREE_OPERAND (cond, 1), &bare);
  if (TREE_CODE (a) == INTEGER_CST && b == v)
    {
      /* C op v: as v op' C */
      std::swap (a, b);
      code = swap_tree_comparison (code);
    }
  if (a != v || TREE_CODE (b) != INTEGER_CST)
    return false;
  switch (code)
    {
    case EQ_EXPR:
      return integer_zerop (b) || integer_minus_onep (b)
	     || integer_all_onesp (b);
    case LT_EXPR:
      return integer_zerop (b);
    case LE_EXPR:
      return integer_minus_onep (b);
    default:
      return false;
    }
}

/* E without the conversions that keep zero and nonzero apart (between
   pointers, or to an integer type at least as wide).  */
static tree
strip_widening (tree e)
{
  for (;;)
    {
      if (TREE_CODE (e) == C_MAYBE_CONST_EXPR)
	e = C_MAYBE_CONST_EXPR_EXPR (e);
      else if (TREE_CODE (e) == NON_LVALUE_EXPR || TREE_CODE (e) == SAVE_EXPR)
	e = TREE_OPERAND (e, 0);
      else if (CONVERT_EXPR_P (e))
	{
	  tree to = TREE_TYPE (e), from = TREE_TYPE (TREE_OPERAND (e, 0));
	  bool ptrs = POINTER_TYPE_P (to) && POINTER_TYPE_P (from);
	  bool wider = INTEGRAL_TYPE_P (to) && INTEGRAL_TYPE_P (from)
		       && TYPE_PRECISION (to) >= TYPE_PRECISION (from);
	  if (!ptrs && !wider)
	    return e;
	  e = TREE_OPERAND (e, 0);
	}
      else
	return e;
    }
}

/* Is COND exactly V compared with zero: `!v`, `v == 0`, `0 == v`?  Then
   V is nonzero wherever COND is false.  */
static bool
tests_for_zero (tree cond, tree v)
{
  cond = strip_widening (cond);
  if (TREE_CODE (cond) == TRUTH_NOT_EXPR)
    return strip_widening (TREE_OPERAND (cond, 0)) == v;
  if (TREE_CODE (cond) != EQ_EXPR)
    return false;
  tree a = strip_widening (TREE_OPERAND (cond, 0));
  tree b = strip_widening (TREE_OPERAND (cond, 1));
  return (a == v && integer_zerop (b)) || (b == v && integer_zerop (a));
}

struct mention_search
{
  tree fn;
  auto_vec<tree> *vars;
};

static tree
find_mentions (tree *tp, int *walk_subtrees, void *data)
{
  struct mention_search *s = (struct mention_search *) data;
  tree t = *tp;
  if (TYPE_P (t))
    *walk_subtrees = 0;
  else if ((VAR_P (t) || TREE_CODE (t) == PARM_DECL)
	   && cdefer_own_decl (t, s->fn) && !s->vars->contains (t))
    s->vars->safe_push (t);
  return NULL_TREE;
}

/* The condition COND of the `if` statement at LOC, after its uses.  */
void
cdefer_describe_if_condition (cd_func *core, tree cond, tree fn,
			      location_t loc)
{
  /* One set of visited nodes for every condition, emptied each time:
     walk_tree_without_duplicates allocated and freed one per `if`.  */
  static hash_set<tree> *visited;
  if (!visited)
    visited = new hash_set<tree>;
  visited->empty ();
  auto_vec<tree> vars;
  struct mention_search s = { fn, &vars };
  walk_tree (&cond, find_mentions, &s, visited);
  for (unsigned i = 0; i < vars.length (); i++)
    {
      cd_test (core, vars[i], tests_for_failure (cond, vars[i]), (cd_loc) loc,
	       (cd_loc) loc);
      if (tests_for_zero (cond, vars[i]))
	cd_test_zero (core);
    }
}

/* ---- the call a deferred body makes ---- */

/* Does block BIND declare a variable or define a nested function (not
   only types, or functions declared as in `defer g ();` with g
   undeclared)?  */
static bool
declares_objects (tree bind)
{
  for (tree v = BIND_EXPR_VARS (bind); v; v = DECL_CHAIN (v))
    if (VAR_P (v) || is_nested_function (v))
      return true;
  return false;
}

/* BODY without blocks that declare nothing and one-statement lists.  */
static tree
single_statement (tree body)
{
  for (;;)
    {
      body = cdefer_strip_debug (body);
      if (body && TREE_CODE (body) == BIND_EXPR && !declares_objects (body))
	body = BIND_EXPR_BODY (body);
      else
	return body;
    }
}

/* A condition `x`, `!x`, `x == K`, `x != K` (either way round).  */
static void
classify_condition (tree cond, struct cd_deferred_call *c)
{
  bool bare;
  cond = strip (cond, &bare);
  enum tree_code code = TREE_CODE (cond);
  if (VAR_P (cond) || TREE_CODE (cond) == PARM_DECL)
    {
      c->cond_var = cond;
      c->cond_equal = false;
      c->cond_value = 0;
      return;
    }
  if (code == TRUTH_NOT_EXPR)
    {
      tree x = strip (TREE_OPERAND (cond, 0), &bare);
      if (VAR_P (x) || TREE_CODE (x) == PARM_DECL)
	{
	  c->cond_var = x;
	  c->cond_equal = true;
	  c->cond_value = 0;
	}
      return;
    }
  if (code != EQ_EXPR && code != NE_EXPR)
    return;
  tree a = strip (TREE_OPERAND (cond, 0), &bare);
  tree b = strip (TREE_OPERAND (cond, 1), &bare);
  if (TREE_CODE (a) == INTEGER_CST)
    std::swap (a, b);
  if ((VAR_P (a) || TREE_CODE (a) == PARM_DECL) && TREE_CODE (b) == INTEGER_CST
      && tree_fits_shwi_p (b))
    {
      c->cond_var = a;
      c->cond_equal = code == EQ_EXPR;
      c->cond_value = tree_to_shwi (b);
    }
}

/* The body BODY of defer ID, if it is one call (perhaps conditional).  */
void
cdefer_describe_deferred_call (cd_func *core, int id, tree body)
{
  struct cd_deferred_call c;
  memset (&c, 0, sizeof c);
  tree s = single_statement (body);
  if (s && TREE_CODE (s) == COND_EXPR && VOID_TYPE_P (TREE_TYPE (s))
      && (!COND_EXPR_ELSE (s) || IS_EMPTY_STMT (COND_EXPR_ELSE (s))))
    {
      c.conditional = true;
      classify_condition (COND_EXPR_COND (s), &c);
      s = single_statement (COND_EXPR_THEN (s));
    }
  bool bare;
  s = s ? strip (s, &bare) : s;		/* (void) close (fd) */
  tree fn;
  if (!s || TREE_CODE (s) != CALL_EXPR || !(fn = get_callee_fndecl (s))
      || !DECL_NAME (fn))
    return;
  int n = call_expr_nargs (s);
  auto_vec<struct cd_expr> args;
  for (int i = 0; i < n; i++)
    args.safe_push (cdefer_classify (CALL_EXPR_ARG (s, i)));
  c.fn = name_of (fn);
  c.nargs = n;
  c.args = args.address ();
  c.releases = released_args (fn);
  c.null_ok = cdefer_has_attribute (fn, "cdefer_null_ok");
  cd_defer_call (core, id, &c);
}

/* ---- uses ---- */

/* The variable whose own storage `&...` (ADDR) takes the address of, or
   NULL_TREE (through a pointer; an array, whose address is fixed).  */
tree
cdefer_address_taken_of (tree addr)
{
  bool deref = false;
  tree base = ref_base (TREE_OPERAND (addr, 0), &deref);
  /* an array's address is no news: it never changes; a member array
     decays where the front end sees no `&` */
  if (deref || !base || TREE_CODE (TREE_TYPE (base)) == ARRAY_TYPE
      || TREE_CODE (TREE_TYPE (TREE_OPERAND (addr, 0))) == ARRAY_TYPE)
    return NULL_TREE;
  return base;
}
