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
   own); it is volatile where the function calls setjmp.  */

#include "cdefer-internal.h"

/* Can the region after direct defer D be entered by a jump from before D?  */
static bool
region_entered_by_jump (struct function_record *rec, struct defer_stmt *d)
{
  for (unsigned i = 0; i < rec->labels.length (); i++)
    {
      struct label_rec *l = rec->labels[i];
      if (l->pos < d->pos || !frame_chain_has (l->ctx, d->owner->frame))
	continue;
      if (rec->address_taken_labels->contains (l->label)
	  || rec->nonlocal_labels->contains (l->label)
	  || l->first_jump_pos < d->pos)
	return true;
    }
  for (unsigned i = 0; i < rec->cases.length (); i++)
    {
      struct label_rec *c = rec->cases[i];
      if (c->pos > d->pos && c->switch_frame && c->switch_frame->pos < d->pos
	  && frame_chain_has (c->ctx, d->owner->frame))
	return true;
    }
  return false;
}

static struct defer_scope *
flag_home (struct defer_scope *s)
{
  while (s->parent && s->kind != SCOPE_OMP)
    s = s->parent;
  return s;
}

static tree
make_flag (struct function_record *rec, struct defer_stmt *d, int n)
{
  tree type = unsigned_char_type_node;
  if (rec->calls_setjmp)
    type = build_qualified_type (type, TYPE_QUAL_VOLATILE);
  char name[32];
  snprintf (name, sizeof name, "__cdefer_armed_%d", n);
  tree flag = build_decl (d->loc, VAR_DECL, get_identifier (name), type);
  DECL_ARTIFICIAL (flag) = 1;
  DECL_IGNORED_P (flag) = 1;
  DECL_CONTEXT (flag) = rec->fndecl;
  TREE_USED (flag) = 1;
  DECL_READ_P (flag) = 1;
  if (rec->calls_setjmp)
    {
      TREE_THIS_VOLATILE (flag) = 1;
      TREE_SIDE_EFFECTS (flag) = 1;
    }
  return flag;
}

static tree
set_flag (tree flag, int value, location_t loc)
{
  tree t = build2_loc (loc, MODIFY_EXPR, TREE_TYPE (flag), flag,
		       build_int_cst (TREE_TYPE (flag), value));
  TREE_SIDE_EFFECTS (t) = 1;
  return t;
}

/* What runs at the scope's exit for D: its body, or with a flag
   `if (flag) { flag = 0; body }`.  */
static tree
finally_for (struct defer_stmt *d)
{
  tree body = WHILE_BODY (d->marker);
  if (!d->needs_flag)
    return body;
  tree then = alloc_stmt_list ();
  append_to_statement_list_force (set_flag (d->flag, 0, d->loc), &then);
  append_to_statement_list_force (body, &then);
  tree cond = build2_loc (d->loc, NE_EXPR, boolean_type_node, d->flag,
			  build_int_cst (TREE_TYPE (d->flag), 0));
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

void
cdefer_lower_function (struct function_record *rec)
{
  for (unsigned i = 0; i < rec->defers.length (); i++)
    {
      struct defer_stmt *d = rec->defers[i];
      d->needs_flag = !d->direct || region_entered_by_jump (rec, d);
      if (d->needs_flag)
	{
	  d->flag = make_flag (rec, d, i);
	  flag_home (d->owner)->flags.safe_push (d->flag);
	}
    }
  /* Inner scopes first: a scope's lowering moves the statements of its
     own spine lists only, and replaces its marker in its parent's tree.  */
  for (unsigned i = rec->scopes.length (); i-- > 0;)
    lower_scope (rec->scopes[i]);
  for (unsigned i = 0; i < rec->scopes.length (); i++)
    declare_flags (rec->scopes[i]);
}
