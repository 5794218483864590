/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lower.cc - replace the markers by GCC's own cleanup machinery.

   A defer D whose statement is element K of a spine list L of its scope
   becomes

       L = [ e0 ... e(K-1),  TRY_FINALLY ([ eK ... en ], BODY) ]

   (eK itself excluded when it is the defer: the region starts after it).
   That is exactly what GCC makes of an __attribute__((cleanup)) variable,
   so the gimplifier and tree-eh route every exit through BODY: falling
   off the end, return (its value stored first), break, continue, goto
   out, and unwinding under -fexceptions.  Defers of one element nest
   innermost-last, so bodies run last registered first; a cleanup variable
   between two defers lies in between, so the order with it is exact LIFO.

   A defer needs a flag only when its region can be entered without
   passing it: when it is nested inside its spine element (in an if, a
   plain block, a switch), or when a label after it can be reached from
   before it (a goto, a case, an address-taken label).  The flag is set
   where the defer stood, tested and cleared in the finally, and zeroed at
   the entry of the function (of the OpenMP region, so each thread has its
   own); it is volatile where the function calls setjmp.

   Trace mode (-fplugin-arg-cdefer-trace) adds calls into libcdefer (the
   interface is runtime/src/trace-abi.h): where D registers,
   `T = __cdefer_trace_register (&SITE)`, and the finally becomes
   `T = __cdefer_trace_enter (&SITE, T); BODY __cdefer_trace_leave
   (&SITE, T);`.  SITE is a static record per defer (file, function, line
   and column of the `defer`), T a local with the flags.  Nothing of it
   exists without the option.  */

#include "cdefer-internal.h"

static struct defer_scope *
flag_home (struct defer_scope *s)
{
  while (s->parent && s->kind != SCOPE_OMP)
    s = s->parent;
  return s;
}

/* A hidden local of the function for defer D, named PREFIX_N, of TYPE:
   volatile where the function calls setjmp, so that its value survives a
   longjmp back into the function (SPEC 3.7).  */
static tree
make_hidden_local (struct function_record *rec, struct defer_stmt *d,
		   const char *prefix, int n, tree type)
{
  bool volatile_local = cd_calls_setjmp (rec->core);
  if (volatile_local)
    type = build_qualified_type (type, TYPE_QUAL_VOLATILE);
  char name[48];
  snprintf (name, sizeof name, "%s_%d", prefix, n);
  tree t = build_decl (d->loc, VAR_DECL, get_identifier (name), type);
  DECL_ARTIFICIAL (t) = 1;
  DECL_IGNORED_P (t) = 1;
  DECL_CONTEXT (t) = rec->fndecl;
  TREE_USED (t) = 1;
  DECL_READ_P (t) = 1;
  if (volatile_local)
    {
      TREE_THIS_VOLATILE (t) = 1;
      TREE_SIDE_EFFECTS (t) = 1;
    }
  return t;
}

static tree
make_flag (struct function_record *rec, struct defer_stmt *d, int n)
{
  return make_hidden_local (rec, d, "__cdefer_armed", n,
			    unsigned_char_type_node);
}

static tree
set_flag (tree flag, int value, location_t loc)
{
  if (!flag)
    return build_empty_stmt (loc);	/* the flag is the user's variable */
  tree t = build2_loc (loc, MODIFY_EXPR, TREE_TYPE (flag), flag,
		       build_int_cst (TREE_TYPE (flag), value));
  TREE_SIDE_EFFECTS (t) = 1;
  return t;
}

/* ---- trace mode ---- */

/* The record type of the sites, and the three hooks: made on first use.  */
static tree trace_site_type, trace_register_fn, trace_enter_fn, trace_leave_fn;
static unsigned trace_site_count;

/* GCC's garbage collector must see them (they live across functions).  */
static const struct ggc_root_tab trace_roots[] = {
  { &trace_site_type, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &trace_register_fn, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &trace_enter_fn, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &trace_leave_fn, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

void
cdefer_trace_register_roots (const char *plugin_name)
{
  register_callback (plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
		     (void *) trace_roots);
}

static tree
trace_hook (const char *name, tree result, tree arg2)
{
  tree type = build_function_type_list (result, ptr_type_node, arg2,
					NULL_TREE);
  tree fn = build_fn_decl (name, type);
  TREE_NOTHROW (fn) = 1;	/* the hooks never unwind */
  DECL_ARTIFICIAL (fn) = 1;
  return fn;
}

static void
trace_declare (void)
{
  if (trace_site_type)
    return;
  static const char *const names[] = { "file", "function", "line", "column",
				       "id", "reserved" };
  tree cstr = build_pointer_type (build_qualified_type (char_type_node,
							TYPE_QUAL_CONST));
  /* finish_builtin_struct takes the fields last first.  */
  tree fields = NULL_TREE;
  for (int i = 0; i < 6; i++)
    {
      tree f = build_decl (BUILTINS_LOCATION, FIELD_DECL,
			   get_identifier (names[i]),
			   i < 2 ? cstr : unsigned_type_node);
      DECL_CHAIN (f) = fields;
      fields = f;
    }
  trace_site_type = make_node (RECORD_TYPE);
  finish_builtin_struct (trace_site_type, "__cdefer_trace_site", fields,
			 NULL_TREE);
  tree ull = long_long_unsigned_type_node;
  trace_register_fn = trace_hook ("__cdefer_trace_register", ull, NULL_TREE);
  trace_enter_fn = trace_hook ("__cdefer_trace_enter", ull, ull);
  trace_leave_fn = trace_hook ("__cdefer_trace_leave", void_type_node, ull);
}

static tree
string_value (tree field, const char *s)
{
  return fold_convert (TREE_TYPE (field), build_string_literal (strlen (s) + 1, s));
}

/* The static site record of D: where the `defer` is, in the user's
   spelling (#line markers honoured), and its function.  */
static tree
make_trace_site (struct function_record *rec, struct defer_stmt *d)
{
  trace_declare ();
  expanded_location xl = expand_location (cdefer_user_location (d->loc));
  const char *fn = DECL_NAME (rec->fndecl)
		   ? IDENTIFIER_POINTER (DECL_NAME (rec->fndecl)) : "";
  char name[32];
  snprintf (name, sizeof name, "__cdefer_site_%u", trace_site_count++);
  tree site = build_decl (d->loc, VAR_DECL, get_identifier (name),
			  trace_site_type);
  TREE_STATIC (site) = 1;
  TREE_PUBLIC (site) = 0;
  TREE_USED (site) = 1;
  TREE_ADDRESSABLE (site) = 1;
  DECL_ARTIFICIAL (site) = 1;
  DECL_IGNORED_P (site) = 1;
  tree f = TYPE_FIELDS (trace_site_type);
  vec<constructor_elt, va_gc> *v = NULL;
  CONSTRUCTOR_APPEND_ELT (v, f, string_value (f, xl.file ? xl.file : ""));
  f = DECL_CHAIN (f);
  CONSTRUCTOR_APPEND_ELT (v, f, string_value (f, fn));
  f = DECL_CHAIN (f);
  CONSTRUCTOR_APPEND_ELT (v, f, build_int_cst (unsigned_type_node, xl.line));
  f = DECL_CHAIN (f);
  CONSTRUCTOR_APPEND_ELT (v, f, build_int_cst (unsigned_type_node, xl.column));
  DECL_INITIAL (site) = build_constructor (trace_site_type, v);
  rest_of_decl_compilation (site, 1, 0);
  return site;
}

/* The local that holds a registration's time, then its body's start.  */
static tree
make_trace_time (struct function_record *rec, struct defer_stmt *d, int n)
{
  return make_hidden_local (rec, d, "__cdefer_trace", n,
			    long_long_unsigned_type_node);
}

static tree
site_address (struct defer_stmt *d)
{
  return fold_convert (ptr_type_node, build_fold_addr_expr (d->trace_site));
}

static tree
set_trace_time (struct defer_stmt *d, tree value)
{
  tree t = build2_loc (d->loc, MODIFY_EXPR, TREE_TYPE (d->trace_time),
		       d->trace_time, value);
  TREE_SIDE_EFFECTS (t) = 1;
  return t;
}

/* `T = __cdefer_trace_register (&SITE)`, where D registers.  */
static tree
trace_register (struct defer_stmt *d)
{
  return set_trace_time (d, build_call_expr_loc (d->loc, trace_register_fn, 1,
						 site_address (d)));
}

/* BODY with the enter and leave hooks around it.  */
static tree
traced_body (struct defer_stmt *d, tree body)
{
  tree list = alloc_stmt_list ();
  tree enter = build_call_expr_loc (d->loc, trace_enter_fn, 2,
				    site_address (d), d->trace_time);
  append_to_statement_list_force (set_trace_time (d, enter), &list);
  append_to_statement_list_force (body, &list);
  append_to_statement_list_force (build_call_expr_loc (d->loc, trace_leave_fn,
						       2, site_address (d),
						       d->trace_time),
				  &list);
  return list;
}

/* What runs at the scope's exit for D: its body, or with a flag
   `if (flag) { flag = 0; body }`.  */
static tree
finally_for (struct defer_stmt *d)
{
  tree body = WHILE_BODY (d->marker);
  if (d->trace_site)
    body = traced_body (d, body);
  if (!d->needs_flag)
    return body;
  tree then = alloc_stmt_list ();
  /* The user's variable keeps its value: nothing can run this twice
     without passing its initializer again (cd_defer_flag_var).  */
  if (d->flag)
    append_to_statement_list_force (set_flag (d->flag, 0, d->loc), &then);
  append_to_statement_list_force (body, &then);
  tree flag = d->flag ? d->flag : d->flag_var;
  tree cond = build2_loc (d->loc, NE_EXPR, boolean_type_node, flag,
			  build_zero_cst (TREE_TYPE (flag)));
  return build3_loc (d->loc, COND_EXPR, void_type_node, cond, then,
		     build_empty_stmt (d->loc));
}

/* Split LIST before element INDEX: returns the elements from INDEX on as a
   new list and leaves LIST with the ones before.  */
static tree
split_list (tree list, int index)
{
  tree rest = alloc_stmt_list ();
  tree_stmt_iterator i = tsi_start (list);
  for (int k = 0; k < index && !tsi_end_p (i); k++)
    tsi_next (&i);
  while (!tsi_end_p (i))
    {
      tree t = tsi_stmt (i);
      tsi_delink (&i);
      append_to_statement_list_force (t, &rest);
    }
  return rest;
}

/* Lower the defers of scope S that sit at LIST[INDEX]: D[0..N) in
   registration (source) order.  */
static void
lower_position (tree list, int index, struct defer_stmt **d, int n)
{
  tree rest = split_list (list, index);
  if (d[0]->direct)
    {
      /* The defer itself is the first element: it leaves the region.  */
      tree_stmt_iterator i = tsi_start (rest);
      tsi_delink (&i);
      if (d[0]->needs_flag)
	append_to_statement_list_force (set_flag (d[0]->flag, 1, d[0]->loc),
					&list);
      if (d[0]->trace_site)
	append_to_statement_list_force (trace_register (d[0]), &list);
    }
  tree t = rest;
  for (int k = n - 1; k >= 0; k--)
    {
      t = build2_loc (d[k]->loc, TRY_FINALLY_EXPR, void_type_node, t,
		      finally_for (d[k]));
      TREE_SIDE_EFFECTS (t) = 1;
    }
  append_to_statement_list_force (t, &list);
}

static int
by_position_descending (const void *a, const void *b)
{
  const struct defer_stmt *x = *(const struct defer_stmt *const *) a;
  const struct defer_stmt *y = *(const struct defer_stmt *const *) b;
  if (x->list != y->list)
    return x->list < y->list ? -1 : 1;
  if (x->index != y->index)
    return y->index - x->index;
  return x->pos - y->pos;
}

static void
lower_scope (struct defer_scope *s)
{
  unsigned n = s->defers.length ();
  if (n)
    {
      struct defer_stmt **d = XNEWVEC (struct defer_stmt *, n);
      for (unsigned i = 0; i < n; i++)
	{
	  d[i] = s->defers[i];
	  /* A nested defer leaves a flag assignment where it stood.  */
	  if (!d[i]->direct)
	    *d[i]->slot = set_flag (d[i]->flag, 1, d[i]->loc);
	  if (!d[i]->direct && d[i]->trace_site)
	    {
	      tree both = alloc_stmt_list ();
	      append_to_statement_list_force (*d[i]->slot, &both);
	      append_to_statement_list_force (trace_register (d[i]), &both);
	      *d[i]->slot = both;
	    }
	}
      qsort (d, n, sizeof *d, by_position_descending);
      for (unsigned i = 0; i < n;)
	{
	  unsigned j = i + 1;
	  while (j < n && d[j]->list == d[i]->list && d[j]->index == d[i]->index)
	    j++;
	  lower_position (d[i]->list, d[i]->index, d + i, j - i);
	  i = j;
	}
      free (d);
    }
  if (s->kind == SCOPE_STATEMENT)
    *s->marker_slot = *s->root;
}

/* Declare the flags whose home is S and zero them at its entry.  */
static void
declare_flags (struct defer_scope *s)
{
  if (s->flags.is_empty ())
    return;
  tree vars = NULL_TREE;
  tree body = alloc_stmt_list ();
  for (unsigned i = s->flags.length (); i-- > 0;)
    {
      DECL_CHAIN (s->flags[i]) = vars;
      vars = s->flags[i];
    }
  for (unsigned i = 0; i < s->flags.length (); i++)
    append_to_statement_list_force (set_flag (s->flags[i], 0, s->loc), &body);
  append_to_statement_list_force (*s->root, &body);
  tree bind = build3 (BIND_EXPR, void_type_node, vars, body, NULL_TREE);
  TREE_SIDE_EFFECTS (bind) = 1;
  SET_EXPR_LOCATION (bind, s->loc);
  *s->root = bind;
}

/* The variable that already says whether D was reached, if the core
   finds one (a scalar GCC can compare with zero, not volatile: reading it
   once more must not be a side effect), else NULL_TREE.  */
static tree
flag_var (struct function_record *rec, struct defer_stmt *d)
{
  tree v = (tree) cd_defer_flag_var (rec->core, d->core_id);
  if (!v || !VAR_P (v) || TREE_THIS_VOLATILE (v) || TREE_ADDRESSABLE (v)
      || !(INTEGRAL_TYPE_P (TREE_TYPE (v)) || POINTER_TYPE_P (TREE_TYPE (v))))
    return NULL_TREE;
  return v;
}

void
cdefer_lower_function (struct function_record *rec)
{
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      /* Besides the core's decision (SPEC 3.7), a defer the trees hold
	 nested in its spine element: the region starts before it.  */
      d->needs_flag = !d->direct || cd_defer_needs_flag (rec->core, d->core_id);
      if (d->needs_flag)
	d->flag_var = flag_var (rec, d);
      if (d->needs_flag && !d->flag_var)
	{
	  d->flag = make_flag (rec, d, i);
	  flag_home (d->owner)->flags.safe_push (d->flag);
	}
      if (cdefer_opts.trace)
	{
	  d->trace_site = make_trace_site (rec, d);
	  d->trace_time = make_trace_time (rec, d, i);
	  /* Zeroed at the entry of its home like the flags.  */
	  flag_home (d->owner)->flags.safe_push (d->trace_time);
	}
    }
  /* Inner scopes first: a scope's lowering moves the statements of its
     own spine lists only, and replaces its marker in its parent's tree.  */
  for (unsigned i = rec->scopes.length (); i-- > 0;)
    lower_scope (rec->scopes[i]);
  for (unsigned i = 0; i < rec->scopes.length (); i++)
    declare_flags (rec->scopes[i]);
}
