/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analyse.cc - one walk over a function's GENERIC, before genericization,
   that describes the function to the rule engine (core/cdefer-core.h:
   blocks, defers, labels, jumps, calls, and through values.cc the facts
   about variables) and records what the lowering needs (defer scopes,
   defers and where they stand).

   At PLUGIN_PRE_GENERICIZE the C front end's trees still have the shape of
   the source: WHILE_STMT/FOR_STMT/DO_STMT loops, SWITCH_STMT, BREAK_STMT,
   CONTINUE_STMT, `if` as a void COND_EXPR, blocks as BIND_EXPRs (only when
   they declare something) and an `__attribute__((cleanup))` variable as a
   TRY_FINALLY_EXPR around the rest of its block.

   The "spine" of a defer scope is the chain of statement lists that run to
   the scope's end: the scope's own block, and the body of each cleanup
   TRY_FINALLY in it.  A defer whose statement list is on the spine is
   "direct"; any other defer (inside an if, a switch, a plain block) is
   hoisted to the spine element that contains it.  */

#include "cdefer-internal.h"

/* The text of the innermost block described to the core: the offset
   where it starts and of its own `{` (-1: none or unknown), in FILE.  A
   defer's plain block is found from these (plain_block_of).  */
struct block_text
{
  const char *file;
  long start, brace;
};

struct walker
{
  struct function_record *rec;
  cd_func *core;
  struct frame *top;
  struct defer_scope *scope;
  int pos;
  hash_set<tree> *visited;	/* shared expression nodes (SAVE_EXPR...) */
  tree switch_body_marker;	/* a scope marker that is a switch body */
  tree *list_elem;		/* the statement-list element being walked */
  struct block_text text;
  int loops, switches;		/* around, in this function (break) */
  hash_map<tree, tree> *names;	/* identifier -> declaration seen so far */
  int defer_bodies;		/* deferred bodies around */
  location_t expr_loc;		/* the innermost expression with a location
				   around: where a variable's use is */
  tree address_of;		/* the variable whose address the `&` being
				   walked takes (its next use) */
  int in_cleanup;		/* in the cleanup of a TRY_FINALLY (from
				   __attribute__((cleanup))): not source
				   expressions, no value facts */
};

static void walk (struct walker *w, tree *tp, bool expr_ctx);
static void walk_list_statement (struct walker *w, tree *slot);
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

/* The declarations of block BIND: told to the core (in the block it has
   open), and known by name for name_kind.  */
static void
record_vars (struct walker *w, tree bind)
{
  cdefer_describe_block_vars (w->core, bind, w->rec->fndecl);
  for (tree v = BIND_EXPR_VARS (bind); v; v = DECL_CHAIN (v))
    if (DECL_P (v) && DECL_NAME (v))
      w->names->put (DECL_NAME (v), v);
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

/* ---- describing blocks to the core ---- */

static cd_loc
core_loc (location_t loc)
{
  return (cd_loc) loc;
}

static location_t
loc_of_offset (location_t ref, long off)
{
  return off < 0 ? UNKNOWN_LOCATION : cdefer_location_of_offset (ref, off);
}

/* Open block KIND/ROLE at LOC in the core, whose text starts at START and
   has its own `{` at BRACE (offsets in the file of LOC; -1 unknown);
   returns the text of the block around, for close_block.  */
static struct block_text
open_block (struct walker *w, enum cd_block_kind kind,
	    enum cd_block_role role, location_t loc, long start, long brace)
{
  struct block_text saved = w->text;
  const char *file = NULL;
  long here = cdefer_text_offset (loc, &file);
  w->text.file = file;
  w->text.start = start >= 0 ? start : here;
  w->text.brace = brace;
  cd_open_block (w->core, kind, role, core_loc (loc));
  return saved;
}

static void
close_block (struct walker *w, struct block_text saved, location_t end)
{
  cd_close_block (w->core, core_loc (end));
  w->text = saved;
}

/* Open the block of a substatement (an if arm, a loop or switch body)
   whose text is TEXT (KNOWN false: not found; the trees keep no braces of
   a block that declares nothing, so then a BIND_EXPR at a `{` decides).  */
static struct block_text
open_substatement (struct walker *w, enum cd_block_role role, tree body,
		   location_t ref, const struct cdefer_stmt_text *text,
		   bool known)
{
  if (!known)
    {
      location_t loc = stmt_location (body, w);
      bool braced = body && TREE_CODE (body) == BIND_EXPR
		    && cdefer_char_at (loc) == '{';
      const char *file;
      long off = cdefer_text_offset (loc, &file);
      return open_block (w, braced ? CD_BLOCK_COMPOUND : CD_BLOCK_STATEMENT,
			 role, loc, off, braced ? off : -1);
    }
  location_t first = loc_of_offset (ref, text->first);
  struct block_text saved
    = open_block (w, text->braced ? CD_BLOCK_COMPOUND : CD_BLOCK_STATEMENT,
		  role, first ? first : ref, text->first,
		  text->braced ? text->first : -1);
  return saved;
}

/* The plain block `{ ... }` that the statement at LOC stands in directly,
   if the trees do not show it (it declares nothing): the innermost brace
   block around LOC in the text, when that is a block in statement
   position inside the block described last, other than that block's own
   braces.  Returns its `{` offset, or -1.  */
static long
plain_block_of (struct walker *w, location_t loc)
{
  long open;
  int depth;
  bool bare;
  const char *file;
  if (!cdefer_innermost_block (DECL_SOURCE_LOCATION (w->rec->fndecl), loc,
			       &open, &depth, &bare)
      || !bare || depth < 2 || cdefer_text_offset (loc, &file) < 0
      || file != w->text.file || w->text.start < 0
      || open <= w->text.start || open == w->text.brace)
    return -1;
  return open;
}

/* ---- the walk ---- */

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

/* Is BIND, met on the spine of the scope being walked, a block nested in
   the scope's own: a `{` other than the scope's (whose offset is the
   current block's brace)?  `scope { { int x; ... } }` and a function body
   holding only a block leave such a BIND where the scope's own would be,
   when the scope's braces declare nothing.  */
static bool
is_nested_block (struct walker *w, tree bind)
{
  const char *file;
  location_t loc = EXPR_HAS_LOCATION (bind) ? EXPR_LOCATION (bind)
					    : UNKNOWN_LOCATION;
  long off = loc ? cdefer_text_offset (loc, &file) : -1;
  return (w->text.brace >= 0 && off >= 0 && file == w->text.file
	  && off != w->text.brace && cdefer_char_at (loc) == '{');
}

/* The cleanup of a TRY_FINALLY_EXPR: at PLUGIN_PRE_GENERICIZE only
   __attribute__((cleanup)) makes them, and the call `f (&v)` is not in
   the source.  */
static void
walk_cleanup (struct walker *w, tree *tp)
{
  w->in_cleanup++;
  walk (w, tp, false);
  w->in_cleanup--;
}

static void
walk_spine (struct walker *w, tree *tp)
{
  tree t = *tp;
  if (!t || TREE_CODE (t) != STATEMENT_LIST)
    {
      if (t && TREE_CODE (t) == BIND_EXPR && !is_nested_block (w, t))
	{
	  take_block_marks (t);
	  record_vars (w, t);
	  walk_spine (w, &BIND_EXPR_BODY (t));
	  return;
	}
      if (t && (TREE_CODE (t) == TRY_FINALLY_EXPR
		|| TREE_CODE (t) == TRY_CATCH_EXPR))
	{
	  walk_spine (w, &TREE_OPERAND (t, 0));
	  walk_cleanup (w, &TREE_OPERAND (t, 1));
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
      walk_list_statement (w, slot);
    }
  w->scope->cur_list = NULL_TREE;
}

/* The first statement of BODY, through blocks and lists.  */
static tree
first_statement (tree body)
{
  for (;;)
    {
      while (body && TREE_CODE (body) == BIND_EXPR)
	body = BIND_EXPR_BODY (body);
      if (!body || TREE_CODE (body) != STATEMENT_LIST)
	return body;
      tree first = NULL_TREE;
      for (tree_stmt_iterator i = tsi_start (body); !tsi_end_p (i);
	   tsi_next (&i))
	if (TREE_CODE (tsi_stmt (i)) != DEBUG_BEGIN_STMT)
	  {
	    first = tsi_stmt (i);
	    break;
	  }
      if (first == body || !first)
	return first;
      body = first;
    }
}

/* Is the deferred body BODY empty: `defer ;` or `defer { }`?  */
static bool
body_is_empty (tree body)
{
  while (body && TREE_CODE (body) == BIND_EXPR && !BIND_EXPR_VARS (body))
    body = BIND_EXPR_BODY (body);
  if (body && TREE_CODE (body) == STATEMENT_LIST)
    {
      for (tree_stmt_iterator i = tsi_start (body); !tsi_end_p (i);
	   tsi_next (&i))
	if (TREE_CODE (tsi_stmt (i)) != DEBUG_BEGIN_STMT
	    && !IS_EMPTY_STMT (tsi_stmt (i)))
	  return false;
      return true;
    }
  return !body || IS_EMPTY_STMT (body);
}

/* Describe `defer BODY` at LOC (its marker MARKER) to the core; the
   deferred body's block stays open.  Returns the core's id of the defer.  */
static int
describe_defer (struct walker *w, tree marker, location_t loc)
{
  struct cdefer_stmt_text text;
  bool known = cdefer_body_text (loc, false, &text);
  tree first = first_statement (WHILE_BODY (marker));
  /* `defer { L: ...; }` is fine: a compound statement does not start
     with a label.  The trees do not keep its braces; the text does.  */
  bool label_first = (known && !text.braced && first
		      && (TREE_CODE (first) == LABEL_EXPR
			  || TREE_CODE (first) == CASE_LABEL_EXPR));
  location_t body_loc = known ? loc_of_offset (loc, text.first) : loc;
  int id = cd_defer (w->core, core_loc (loc),
		     core_loc (body_loc ? body_loc : loc),
		     body_is_empty (WHILE_BODY (marker)), label_first);
  const char *file;
  w->text.start = cdefer_text_offset (loc, &file);
  w->text.file = file;
  w->text.brace = known && text.braced ? text.first : -1;
  return id;
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
  /* A plain block the trees do not show: described around the defer.  */
  long plain = cdefer_opts.model == MODEL_GO ? plain_block_of (w, d->loc) : -1;
  struct block_text around = w->text;
  if (plain >= 0)
    open_block (w, CD_BLOCK_COMPOUND, CD_ROLE_BARE,
		loc_of_offset (d->loc, plain), plain, plain);
  struct block_text saved = w->text;
  d->core_id = describe_defer (w, marker, d->loc);
  cdefer_describe_deferred_call (w->core, d->core_id, WHILE_BODY (marker));
  w->defer_bodies++;
  d->body = open_scope (w, SCOPE_DEFER_BODY, &WHILE_BODY (marker), marker, tp,
			d->loc);
  w->defer_bodies--;
  close_block (w, saved, d->loc);
  if (plain >= 0)
    close_block (w, around, d->loc);
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

/* A label (or a case label, IS_CASE) of the function.  */
static void
describe_label (struct walker *w, tree t, bool is_case)
{
  if (is_case)
    {
      cd_case_label (w->core, !CASE_LOW (t), core_loc (stmt_location (t, w)));
      return;
    }
  tree label = LABEL_EXPR_LABEL (t);
  cd_label (w->core, label,
	    DECL_NAME (label) ? IDENTIFIER_POINTER (DECL_NAME (label)) : NULL,
	    core_loc (DECL_SOURCE_LOCATION (label)));
}

/* `goto L`: to a label of this function, or from a nested function to
   one of the function it is nested in.  */
static void
describe_goto (struct walker *w, tree t)
{
  tree label = GOTO_DESTINATION (t);
  location_t loc = stmt_location (t, w);
  if (DECL_CONTEXT (label) != w->rec->fndecl)
    cd_nonlocal_goto (w->core,
		      DECL_NAME (label) ? IDENTIFIER_POINTER (DECL_NAME (label))
					: NULL, core_loc (loc));
  else
    cd_goto (w->core, label, core_loc (loc));
}

/* The LABEL_DECLs of the TREE_LIST LABELS, as keys for the core.  */
static void
label_keys (tree labels, auto_vec<const void *> *keys)
{
  for (tree l = labels; l; l = TREE_CHAIN (l))
    keys->safe_push (TREE_VALUE (l));
}

/* break and continue; the marker loops hide from GCC a break or continue
   that has no loop or switch around (in a `scope` or outside a deferred
   body: inside one the core reports jump-out-of-defer).  */
static void
describe_break (struct walker *w, tree t, bool is_break)
{
  location_t loc = stmt_location (t, w);
  if (is_break)
    cd_break (w->core, core_loc (loc));
  else
    cd_continue (w->core, core_loc (loc));
  if (w->defer_bodies || w->loops || (is_break && w->switches))
    return;
  if (is_break)
    error_at (cdefer_user_location (loc),
	      "break statement not within loop or switch");
  else
    error_at (cdefer_user_location (loc),
	      "continue statement not within a loop");
}

static void
describe_call (struct walker *w, tree call)
{
  tree fn = get_callee_fndecl (call);
  if (!fn || !DECL_NAME (fn))
    return;
  cd_call (w->core, IDENTIFIER_POINTER (DECL_NAME (fn)),
	   DECL_IS_RETURNS_TWICE (fn), core_loc (stmt_location (call, w)));
}

static void
walk_operands (struct walker *w, tree t)
{
  int n = TREE_OPERAND_LENGTH (t);
  for (int i = 0; i < n; i++)
    walk (w, &TREE_OPERAND (t, i), true);
}

/* The body of an if, else, loop or switch: a block of the core with ROLE
   (its text: TEXT if KNOWN); in model ts a block of its own (C99 6.8.4,
   6.8.5), and so a defer scope.  */
static void
walk_body (struct walker *w, tree *body, location_t loc,
	   enum cd_block_role role, const struct cdefer_stmt_text *text,
	   bool known)
{
  if (!*body)
    return;
  struct block_text saved = open_substatement (w, role, *body, loc, text,
					       known);
  if (cdefer_opts.model == MODEL_TS && !IS_EMPTY_STMT (*body))
    {
      /* A statement expression as the whole body stays a block of its own
	 in the body's (as a spine root it would be taken for the body).  */
      if (TREE_CODE (*body) == BIND_EXPR && bind_is_stmt_expr (*body))
	{
	  tree list = alloc_stmt_list ();
	  append_to_statement_list_force (*body, &list);
	  *body = list;
	}
      open_scope (w, SCOPE_BLOCK, body, NULL_TREE, NULL, loc);
    }
  else
    walk (w, body, false);
  location_t end = known ? loc_of_offset (loc, text->last) : UNKNOWN_LOCATION;
  close_block (w, saved, end);
}

/* What NAME names, for the integer-constant-expression test of a
   condition's text (cd_text_is_ice): a macro of the user's leaves the
   text unreadable; else this function's declarations (those seen so far:
   the condition's names are declared before it), then file scope's.  */
static enum cd_name_kind
name_kind (void *ctx, const char *name, size_t len)
{
  struct walker *w = (struct walker *) ctx;
  cpp_hashnode *node = cpp_lookup (parse_in, (const unsigned char *) name,
				   len);
  if (node && cpp_macro_p (node))
    return CD_NAME_UNKNOWN;
  tree id = get_identifier_with_length (name, len);
  tree *local = w->names->get (id);
  tree decl = local ? *local : lookup_name ? lookup_name (id) : NULL_TREE;
  if (!decl || decl == error_mark_node)
    return CD_NAME_UNKNOWN;
  switch (TREE_CODE (decl))
    {
    case CONST_DECL:
      return CD_NAME_ENUMERATOR;
    case TYPE_DECL:
      return INTEGRAL_TYPE_P (TREE_TYPE (decl)) ? CD_NAME_INT_TYPE
						: CD_NAME_OTHER_TYPE;
    case VAR_DECL:
    case PARM_DECL:
    case FUNCTION_DECL:
      return CD_NAME_OBJECT;
    default:
      return CD_NAME_UNKNOWN;
    }
}

/* `do { } while (E)` is not a loop when E is an integer constant
   expression equal to 0 (SPEC 4).  GCC has folded E: `0 && x` or
   `(void *) 0` are 0 as well, so E's text decides; when the text cannot
   be read (a macro's argument, a body without braces), the folded value
   does.  */
static bool
do_while_zero_runs_once (struct walker *w, tree t, location_t do_loc)
{
  char cond[256];
  if (!DO_COND (t) || !integer_zerop (DO_COND (t)))
    return false;
  if (!cdefer_do_while_condition (do_loc, cond, sizeof cond))
    return true;
  return cd_text_is_ice (cond, name_kind, w) != CD_ICE_NO;
}

/* A loop: for (INIT; COND; STEP) BODY, while (COND) BODY, do BODY while
   (COND); the core gets them in source order.  */
static void
walk_loop (struct walker *w, tree t, tree *init, tree *cond, tree *body,
	   tree *step)
{
  bool is_do = TREE_CODE (t) == DO_STMT;
  location_t loc = stmt_location (t, w);
  struct frame *f = push_frame (w, FRAME_LOOP, t, loc);
  struct block_text saved = open_block (w, CD_BLOCK_LOOP, CD_ROLE_NONE, loc,
					-1, -1);
  if (is_do && do_while_zero_runs_once (w, t, loc))
    cd_loop_is_once (w->core, cd_current_block (w->core));
  struct cdefer_stmt_text text;
  bool known = cdefer_body_text (loc, is_do, &text);
  if (init)
    walk (w, init, false);
  if (cond && !is_do)
    walk (w, cond, true);
  if (step)
    walk (w, step, true);
  w->loops++;
  walk_body (w, body, f->loc, CD_ROLE_LOOP_BODY, &text, known);
  w->loops--;
  if (cond && is_do)
    walk (w, cond, true);
  close_block (w, saved, UNKNOWN_LOCATION);
  pop_frame (w);
}

/* Is the void COND_EXPR T in statement position an if statement, not an
   expression statement `c ? f () : g ();`?  GCC locates a conditional
   expression at its `?` or `:` (in a macro: in the macro's definition),
   an if at its `(`.  When the text cannot say (a .i, whose line markers
   split lines), an if.  */
static bool
is_if_statement (tree t)
{
  if (!EXPR_HAS_LOCATION (t) || cdefer_preprocessed_input)
    return true;
  location_t loc = EXPR_LOCATION (t);
  if (linemap_location_from_macro_expansion_p (line_table, loc))
    loc = linemap_resolve_location (line_table, loc, LRK_SPELLING_LOCATION,
				    NULL);
  char c = cdefer_char_at (loc);
  return c != '?' && c != ':';
}

/* `if (COND) THEN else ELSE` as a statement (a void COND_EXPR).  */
static void
walk_if (struct walker *w, tree t)
{
  location_t loc = stmt_location (t, w);
  struct block_text saved = open_block (w, CD_BLOCK_IF, CD_ROLE_NONE, loc,
					-1, -1);
  walk (w, &COND_EXPR_COND (t), true);
  cdefer_describe_if_condition (w->core, COND_EXPR_COND (t), w->rec->fndecl,
				loc);
  struct cdefer_stmt_text text;
  bool known = cdefer_body_text (loc, false, &text);
  walk_body (w, &COND_EXPR_THEN (t), loc, CD_ROLE_IF_ARM, &text, known);
  if (COND_EXPR_ELSE (t) && !IS_EMPTY_STMT (COND_EXPR_ELSE (t)))
    {
      known = cdefer_else_text (loc, &text);
      walk_body (w, &COND_EXPR_ELSE (t), loc, CD_ROLE_IF_ARM, &text, known);
    }
  close_block (w, saved, UNKNOWN_LOCATION);
}

static void
walk_switch (struct walker *w, tree t)
{
  location_t loc = stmt_location (t, w);
  struct block_text saved = open_block (w, CD_BLOCK_SWITCH, CD_ROLE_NONE, loc,
					-1, -1);
  walk (w, &SWITCH_STMT_COND (t), true);
  push_frame (w, FRAME_SWITCH, t, loc);
  tree saved_marker = w->switch_body_marker;
  tree body = cdefer_strip_debug (SWITCH_STMT_BODY (t));
  w->switch_body_marker = cdefer_is_marker (body, cdefer_scope_marker_id)
			  ? body : NULL_TREE;
  struct cdefer_stmt_text text;
  bool known = cdefer_body_text (loc, false, &text);
  w->switches++;
  walk_body (w, &SWITCH_STMT_BODY (t), loc, CD_ROLE_SWITCH_BODY, &text,
	     known);
  w->switches--;
  w->switch_body_marker = saved_marker;
  pop_frame (w);
  close_block (w, saved, UNKNOWN_LOCATION);
}

/* `scope BODY`, as the marker loop T.  */
static void
walk_scope_statement (struct walker *w, tree *tp)
{
  tree t = *tp;
  location_t loc = stmt_location (t, w);
  struct cdefer_stmt_text text;
  bool known = cdefer_body_text (loc, false, &text);
  struct block_text saved
    = open_block (w, CD_BLOCK_SCOPE, CD_ROLE_OTHER, loc, -1,
		  known && text.braced ? text.first : -1);
  /* break and continue in the body leave the marker loop, and what is
     around it: GCC must not see them as its own.  */
  open_scope (w, SCOPE_STATEMENT, &WHILE_BODY (t), t, tp, loc);
  close_block (w, saved,
	       known ? loc_of_offset (loc, text.last) : UNKNOWN_LOCATION);
}

/* A block of the source that GCC kept as a BIND_EXPR (it declares
   something), or in model ts the marked rest of a block that holds a
   defer: a CD_BLOCK_COMPOUND of its own unless it is the block described
   last (the braces of an if arm, a loop body...).  Model go: a plain
   block; model ts: a defer scope.  */
static void
walk_block (struct walker *w, tree *tp, bool marked)
{
  tree t = *tp;
  location_t loc = stmt_location (t, w);
  const char *file;
  long brace = marked ? plain_block_of (w, stmt_location (first_statement
							   (t), w))
		      : cdefer_text_offset (loc, &file);
  bool own = (!marked && (cdefer_char_at (loc) != '{'
			  || brace == w->text.brace))
	     || (marked && brace < 0);
  struct block_text saved = w->text;
  if (!own)
    saved = open_block (w, CD_BLOCK_COMPOUND, CD_ROLE_BARE,
			marked ? loc_of_offset (loc, brace) : loc, brace,
			brace);
  if (marked || cdefer_opts.model == MODEL_TS)
    open_scope (w, SCOPE_BLOCK, tp, NULL_TREE, NULL, loc);
  else
    {
      record_vars (w, t);
      walk (w, &BIND_EXPR_BODY (t), false);
    }
  if (!own)
    close_block (w, saved, UNKNOWN_LOCATION);
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

/* A defer scope that is a block of its own kind: a statement expression,
   an OpenMP structured block.  */
static void
walk_scope_block (struct walker *w, enum scope_kind kind,
		  enum cd_block_kind core_kind, tree *tp, location_t loc)
{
  const char *file;
  long off = cdefer_text_offset (loc, &file);
  struct block_text saved
    = open_block (w, core_kind, CD_ROLE_OTHER, loc, off,
		  core_kind == CD_BLOCK_STMT_EXPR ? off : -1);
  int loops = w->loops, switches = w->switches;
  if (core_kind == CD_BLOCK_OMP)
    w->loops = w->switches = 0;
  open_scope (w, kind, tp, NULL_TREE, NULL, loc);
  w->loops = loops;
  w->switches = switches;
  close_block (w, saved, UNKNOWN_LOCATION);
}

/* A variable (or nested function) met in an expression: a use.  */
static void
describe_use (struct walker *w, tree decl)
{
  if ((!VAR_P (decl) && TREE_CODE (decl) != PARM_DECL
       && TREE_CODE (decl) != FUNCTION_DECL)
      || w->in_cleanup || !cdefer_own_decl (decl, w->rec->fndecl))
    return;
  enum cd_use_kind how = CD_USE_READ;
  if (decl == w->address_of)
    {
      how = CD_USE_ADDRESS;
      w->address_of = NULL_TREE;
    }
  cd_use (w->core, decl, core_loc (w->expr_loc), how);
}

/* `LHS = RHS`, after its operands.  A compound assignment `v += e` is
   `v = v + e` here (or `v = e + v`: GCC orders the operands its way), v
   mentioned twice as the front end counts it: v, then v again, then e.  */
static void
walk_assignment (struct walker *w, tree t)
{
  tree lhs = TREE_OPERAND (t, 0), r = TREE_OPERAND (t, 1);
  walk (w, &TREE_OPERAND (t, 0), true);
  STRIP_NOPS (r);
  int again = -1;
  if (BINARY_CLASS_P (r))
    for (int i = 0; i < 2 && again < 0; i++)
      {
	tree op = TREE_OPERAND (r, i);
	STRIP_NOPS (op);
	if (op == lhs)
	  again = i;
      }
  if (again < 0)
    walk (w, &TREE_OPERAND (t, 1), true);
  else
    {
      walk (w, &TREE_OPERAND (r, again), true);
      walk (w, &TREE_OPERAND (r, 1 - again), true);
    }
  if (!w->in_cleanup)
    cdefer_describe_assignment (w->core, t, again >= 0,
				stmt_location (t, w));
}

static void
walk_node (struct walker *w, tree *tp, bool expr_ctx)
{
  tree t = *tp;
  if (!t || t == error_mark_node)
    return;
  enum tree_code code = TREE_CODE (t);
  if (DECL_P (t))
    {
      describe_use (w, t);
      return;
    }
  if (TYPE_P (t) || CONSTANT_CLASS_P (t))
    return;

  switch (code)
    {
    case STATEMENT_LIST:
      for (tree_stmt_iterator i = tsi_start (t); !tsi_end_p (i); tsi_next (&i))
	walk_list_statement (w, tsi_stmt_ptr (i));
      return;

    case BIND_EXPR:
      if (take_block_marks (t))
	{
	  walk_block (w, tp, true);
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
	walk_scope_block (w, SCOPE_STMT_EXPR, CD_BLOCK_STMT_EXPR, tp,
			  stmt_location (t, w));
      else
	walk_block (w, tp, false);
      return;

    case WHILE_STMT:
      if (cdefer_is_marker (t, cdefer_defer_marker_id))
	walk_defer (w, tp);
      else if (cdefer_is_marker (t, cdefer_scope_marker_id))
	walk_scope_statement (w, tp);
      else
	walk_loop (w, t, NULL, &WHILE_COND (t), &WHILE_BODY (t), NULL);
      return;

    case DO_STMT:
      walk_loop (w, t, NULL, &DO_COND (t), &DO_BODY (t), NULL);
      return;

    case FOR_STMT:
      walk_loop (w, t, &FOR_INIT_STMT (t), &FOR_COND (t), &FOR_BODY (t),
		 &FOR_EXPR (t));
      return;

    case SWITCH_STMT:
      walk_switch (w, t);
      return;

    case CASE_LABEL_EXPR:
      describe_label (w, t, true);
      return;

    case LABEL_EXPR:
      describe_label (w, t, false);
      return;

    case GOTO_EXPR:
      if (TREE_CODE (GOTO_DESTINATION (t)) == LABEL_DECL)
	describe_goto (w, t);
      else
	{
	  walk (w, &GOTO_DESTINATION (t), true);
	  cd_computed_goto (w->core, core_loc (stmt_location (t, w)));
	}
      return;

    case RETURN_EXPR:
      walk (w, &TREE_OPERAND (t, 0), true);
      cd_return (w->core, core_loc (stmt_location (t, w)));
      cdefer_describe_return_value (w->core, t, stmt_location (t, w));
      return;

    case MODIFY_EXPR:
    case INIT_EXPR:
      walk_assignment (w, t);
      return;

    case PREINCREMENT_EXPR:
    case PREDECREMENT_EXPR:
    case POSTINCREMENT_EXPR:
    case POSTDECREMENT_EXPR:
      walk (w, &TREE_OPERAND (t, 0), true);
      walk (w, &TREE_OPERAND (t, 1), true);
      if (!w->in_cleanup)
	cdefer_describe_increment (w->core, t, stmt_location (t, w));
      return;

    case BREAK_STMT:
      describe_break (w, t, true);
      return;

    case CONTINUE_STMT:
      describe_break (w, t, false);
      return;

    case ASM_EXPR:
      walk (w, &ASM_OUTPUTS (t), true);
      walk (w, &ASM_INPUTS (t), true);
      if (ASM_LABELS (t))
	{
	  auto_vec<const void *> keys;
	  label_keys (ASM_LABELS (t), &keys);
	  cd_asm_goto (w->core, keys.address (), keys.length (),
		       core_loc (stmt_location (t, w)));
	}
      return;

    case DECL_EXPR:
      {
	tree d = DECL_EXPR_DECL (t);
	/* Static initialisers too: they may take label addresses.  */
	if (VAR_P (d))
	  {
	    walk (w, &DECL_INITIAL (d), true);
	    cdefer_describe_initializer (w->core, d, w->rec->fndecl);
	  }
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
      {
	tree op = TREE_OPERAND (t, 0);
	tree *targets;
	/* `&&label`: the front end does not set FORCED_LABEL yet.  */
	if (TREE_CODE (op) == LABEL_DECL)
	  cd_label_address (w->core, op, core_loc (stmt_location (t, w)));
	else if (TREE_CODE (op) == FUNCTION_DECL
		 && (targets = w->rec->nonlocal_targets->get (op)))
	  {
	    describe_use (w, op);
	    auto_vec<const void *> keys;
	    label_keys (*targets, &keys);
	    cd_nonlocal_entry (w->core, IDENTIFIER_POINTER (DECL_NAME (op)),
			       keys.address (), keys.length (),
			       core_loc (stmt_location (t, w)));
	  }
	else
	  {
	    tree saved = w->address_of;
	    tree base = cdefer_address_taken_of (t);
	    w->address_of = base && cdefer_own_decl (base, w->rec->fndecl)
			    ? base : NULL_TREE;
	    walk (w, &TREE_OPERAND (t, 0), true);
	    w->address_of = saved;
	  }
	return;
      }

    case CALL_EXPR:
      walk_operands (w, t);
      describe_call (w, t);
      if (!w->in_cleanup)
	cdefer_describe_call_args (w->core, t, stmt_location (t, w));
      return;

    case COND_EXPR:
      if (VOID_TYPE_P (TREE_TYPE (t)) && !expr_ctx && is_if_statement (t))
	walk_if (w, t);
      else
	{
	  walk (w, &COND_EXPR_COND (t), true);
	  walk (w, &COND_EXPR_THEN (t), expr_ctx);
	  walk (w, &COND_EXPR_ELSE (t), expr_ctx);
	}
      return;

    case TRY_FINALLY_EXPR:
    case TRY_CATCH_EXPR:
      walk (w, &TREE_OPERAND (t, 0), false);
      walk_cleanup (w, &TREE_OPERAND (t, 1));
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
      walk_scope_block (w, SCOPE_OMP, CD_BLOCK_OMP, &TREE_OPERAND (t, 0),
			stmt_location (t, w));
      return;
    }
  if (is_omp_loop (code))
    {
      /* Its body is not described as a loop body: no fix-it (a pragma's
	 loop).  */
      location_t loc = stmt_location (t, w);
      push_frame (w, FRAME_LOOP, t, loc);
      struct block_text saved = open_block (w, CD_BLOCK_LOOP, CD_ROLE_NONE,
					    loc, -1, -1);
      w->loops++;
      walk_operands (w, t);
      w->loops--;
      close_block (w, saved, UNKNOWN_LOCATION);
      pop_frame (w);
      return;
    }
  if (EXPR_P (t) || STATEMENT_CLASS_P (t)
      || TREE_CODE_CLASS (code) == tcc_vl_exp)
    walk_operands (w, t);
}

/* Walk *TP; the uses of variables in it are located at the innermost
   expression around them that has a location (a VAR_DECL has none).  */
static void
walk (struct walker *w, tree *tp, bool expr_ctx)
{
  tree t = *tp;
  location_t saved = w->expr_loc;
  if (t && EXPR_P (t) && EXPR_HAS_LOCATION (t))
    w->expr_loc = EXPR_LOCATION (t);
  walk_node (w, tp, expr_ctx);
  w->expr_loc = saved;
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
  for (unsigned i = 0; i < rec->frames.length (); i++)
    free (rec->frames[i]);
  rec->scopes.release ();
  rec->defers.release ();
  rec->frames.release ();
  delete rec->nonlocal_targets;
  cd_func_free (rec->core);
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
      /* TREE_VALUE holds the label, as in ASM_LABELS.  */
      tree targets = NULL_TREE;
      for (tree l = s.labels; l; l = TREE_CHAIN (l))
	targets = tree_cons (NULL_TREE, TREE_PURPOSE (l), targets);
      rec->nonlocal_targets->put (n->decl, targets);
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

/* Statement *SLOT of a statement list.  After `#pragma cdefer ignore
   "ID"` it is bracketed for the core (cd_ignore), which decides what the
   pragma covers: the whole statement (SPEC 4).  */
static void
walk_list_statement (struct walker *w, tree *slot)
{
  tree s = *slot;
  int ids[4];
  int n = TREE_CODE (s) != DEBUG_BEGIN_STMT && EXPR_P (s)
	  && EXPR_HAS_LOCATION (s)
	  ? cdefer_ignores_at (EXPR_LOCATION (s), ids, 4) : 0;
  for (int k = 0; k < n; k++)
    cd_ignore (w->core, (enum cd_diag_id) ids[k]);
  w->list_elem = slot;
  walk (w, slot, false);
  for (int k = 0; k < n; k++)
    cd_ignore_end (w->core);
}

/* -fplugin-arg-cdefer-dump-core: the description, to compare with the
   front end's (`cdefer check --dump-core`).  */
static void
dump_description (struct function_record *rec)
{
  fprintf (stderr, "cdefer: function %s\n",
	   IDENTIFIER_POINTER (DECL_NAME (rec->fndecl)));
  cd_dump (rec->core, stderr);
}

static void
process_one_function (tree fndecl)
{
  if (!DECL_SAVED_TREE (fndecl) || DECL_SAVED_TREE (fndecl) == error_mark_node)
    return;
  struct function_record rec;
  memset (&rec, 0, sizeof rec);
  rec.fndecl = fndecl;
  rec.nonlocal_targets = new hash_map<tree, tree>;
  rec.core = cd_func_new (cdefer_opts.model == MODEL_TS ? CD_MODEL_TS
							 : CD_MODEL_GO,
			  cdefer_report_core, NULL);
  cd_set_unwinds (rec.core, flag_exceptions);
  record_nonlocal_targets (&rec);
  hash_set<tree> visited;
  hash_map<tree, tree> names;
  struct walker w;
  memset (&w, 0, sizeof w);
  w.rec = &rec;
  w.core = rec.core;
  w.visited = &visited;
  w.names = &names;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    if (DECL_NAME (p))
      names.put (DECL_NAME (p), p);

  location_t loc = DECL_SOURCE_LOCATION (fndecl);
  tree *body = function_body_slot (fndecl);
  const char *file;
  long brace = (*body && TREE_CODE (*body) == BIND_EXPR
		&& EXPR_HAS_LOCATION (*body)
		&& cdefer_char_at (EXPR_LOCATION (*body)) == '{')
	       ? cdefer_text_offset (EXPR_LOCATION (*body), &file) : -1;
  struct block_text saved = open_block (&w, CD_BLOCK_FUNCTION, CD_ROLE_OTHER,
					loc, -1, brace);
  w.expr_loc = loc;
  cdefer_describe_params (w.core, fndecl);
  open_scope (&w, SCOPE_FUNCTION, body, NULL_TREE, NULL, loc);
  close_block (&w, saved, UNKNOWN_LOCATION);
  if (cdefer_opts.dump_core)
    dump_description (&rec);

  if (rec.scopes.length () > 1)
    {
      int errors_before = errorcount;
      cd_check (rec.core);
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
