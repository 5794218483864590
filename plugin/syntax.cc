/* SPDX-License-Identifier: GPL-3.0-or-later */
/* syntax.cc - getting `defer` and `scope` through GCC's C parser.

   GCC has no hook to add statements to its parser, but its preprocessor
   has "conditional macros" (made for PowerPC's contextual `vector`): a
   macro whose expansion a callback decides token by token, after peeking
   at what follows.  So:

     _Defer  -> while ((int __attribute__ ((__cdefer_block__)))
                       __cdefer_marker_defer ())    then the user's BODY
     _Scope  -> while (__cdefer_marker_scope ())   then the user's BODY

   are conditional macros that always expand, and `defer`/`scope` are
   conditional identity macros whose callback expands `_Defer`/`_Scope`
   instead when the SPEC section 2 rule says the word is the keyword.
   A `while` is the one statement prefix that binds an `else` correctly,
   lets `case` labels through, and draws no -Wdangling-else; the
   `break`/`continue` it captures are re-bound when analyse.cc replaces
   the marker.  `struct`/`union`/`enum` are conditional identity macros
   too, never expanded: their callback is the only way to know that the
   token before `defer` was a tag keyword.

   The attribute in the defer's condition is a hook into the parser (see
   handle_cdefer_block): its handler runs while GCC parses the condition,
   where the parser's statement lists show the block the defer stands in,
   whatever macros or directives produced its braces.  Unlike a lexer
   callback it also runs for .i input, where it is part of the text.

   None of this happens under -fpreprocessed (.i input, -save-temps):
   there the markers are already in the text, and we only declare them.  */

#include "cdefer-internal.h"

tree cdefer_defer_marker_id;
tree cdefer_scope_marker_id;
unsigned long cdefer_marker_count;
bool cdefer_input_has_markers;

static cpp_hashnode *defer_node, *scope_node;	    /* defer, scope */
static cpp_hashnode *defer_kw_node, *scope_kw_node; /* _Defer, _Scope */
/* What a contextual `defer` taken as the keyword expands to: _Defer's
   expansion, with attribute cdefer_block (1) so that compiling the -E
   output can still warn keyword-shadows-name.  */
static cpp_hashnode *contextual_defer_node;
static cpp_hashnode *tag_nodes[3];		    /* struct union enum */
static location_t after_tag_loc = UNKNOWN_LOCATION;
static bool markers_declared;
static cpp_hashnode *(*previous_macro_to_expand) (cpp_reader *,
						  const cpp_token *);
static void (*previous_undef) (cpp_reader *, location_t, cpp_hashnode *);
static void (*previous_line_change) (cpp_reader *, const cpp_token *, int);
static bool restore_pending;

/* Declare `int __cdefer_marker_defer (void)` and its twin, on first use
   only: creating declarations in a unit that never uses defer would shift
   DECL_UIDs and change the object file (SPEC section 8).  */
static void
declare_markers (void)
{
  if (markers_declared)
    return;
  markers_declared = true;
  tree type = build_function_type_list (integer_type_node, NULL_TREE);
  tree ids[2] = { cdefer_defer_marker_id, cdefer_scope_marker_id };
  for (int i = 0; i < 2; i++)
    {
      tree decl = build_fn_decl (IDENTIFIER_POINTER (ids[i]), type);
      TREE_NOTHROW (decl) = 1;
      lang_hooks.builtin_function_ext_scope (decl);
    }
}

/* Keywords that start a declaration: `defer int x;` declares.  */
static bool
rid_starts_declaration (enum rid r)
{
  switch (r)
    {
    case RID_STATIC: case RID_UNSIGNED: case RID_LONG: case RID_CONST:
    case RID_EXTERN: case RID_REGISTER: case RID_TYPEDEF: case RID_SHORT:
    case RID_INLINE: case RID_VOLATILE: case RID_SIGNED: case RID_AUTO:
    case RID_RESTRICT: case RID_NORETURN: case RID_ATOMIC: case RID_COMPLEX:
    case RID_THREAD: case RID_SAT: case RID_INT: case RID_CHAR:
    case RID_FLOAT: case RID_DOUBLE: case RID_VOID: case RID_ENUM:
    case RID_STRUCT: case RID_UNION: case RID_BOOL: case RID_DFLOAT32:
    case RID_DFLOAT64: case RID_DFLOAT128: case RID_FRACT: case RID_ACCUM:
    case RID_TYPEOF: case RID_AUTO_TYPE: case RID_ALIGNAS:
    case RID_ATTRIBUTE: case RID_STATIC_ASSERT:
      return true;
    default:
      break;
    }
  if (r >= RID_FIRST_INT_N && r < RID_FIRST_INT_N + NUM_INT_N_ENTS)
    return true;
  if (r >= RID_FLOATN_NX_FIRST && r < RID_FLOATN_NX_FIRST + NUM_FLOATN_NX_TYPES)
    return true;
  if (r >= RID_FIRST_ADDR_SPACE && r <= RID_LAST_ADDR_SPACE)
    return true;
  return false;
}

/* Is NODE a C keyword?  Sets *DECL_KW when it starts a declaration.  */
static bool
node_is_keyword (cpp_hashnode *node, bool *decl_kw)
{
  tree id = HT_IDENT_TO_GCC_IDENT (HT_NODE (node));
  *decl_kw = false;
  if (!C_IS_RESERVED_WORD (id))
    return false;
  *decl_kw = rid_starts_declaration (C_RID_CODE (id));
  return true;
}

/* Does more text follow token TOK on its source line?  Then the next
   token is lexed from that line, and no directive line is crossed.  */
static bool
token_has_more_on_its_line (cpp_reader *pfile, const cpp_token *tok)
{
  if (tok->type == CPP_PADDING)
    return false;
  expanded_location xl = expand_location (tok->src_loc);
  int len;
  const char *s = xl.file ? cdefer_source_line (xl.file, xl.line, &len) : NULL;
  if (!s || xl.column < 1)
    return false;
  int i = xl.column - 1 + (int) cpp_token_len (tok);
  if (tok->type == CPP_NAME || tok->type == CPP_NUMBER)
    {
      /* cpp_token_len is an upper bound: find the real end.  */
      i = xl.column - 1;
      while (i < len && (ISIDNUM (s[i]) || s[i] == '.'))
	i++;
    }
  else if (tok->type == CPP_OPEN_PAREN || tok->type == CPP_CLOSE_PAREN
	   || tok->type == CPP_NOT || tok->type == CPP_COMPL)
    i = xl.column;
  else
    return false;		/* strings, multi-char punctuators: be careful */
  while (i < len && ISSPACE (s[i]))
    i++;
  if (i + 1 < len && s[i] == '/' && (s[i + 1] == '/' || s[i + 1] == '*'))
    return false;
  return i < len;
}

/* The Nth real token after the current one, skipping padding; NULL when
   looking further would mean lexing across a directive line (libcpp
   replays the directive's words as tokens then) or hitting the end.  */
static const cpp_token *
peek_real_token (cpp_reader *pfile, int *index)
{
  for (;;)
    {
      if (*index > 0)
	{
	  /* Lexing token INDEX reads past token INDEX-1: refuse when the
	     next source line is a directive.  Tokens of a macro expansion
	     come from memory and are safe.  */
	  const cpp_token *prev = cpp_peek_token (pfile, *index - 1);
	  location_t l = prev->src_loc;
	  if (!linemap_location_from_macro_expansion_p (line_table, l)
	      && !token_has_more_on_its_line (pfile, prev))
	    {
	      expanded_location xl = expand_location (l);
	      if (xl.file && cdefer_next_line_is_directive (xl.file, xl.line))
		return NULL;
	    }
	}
      const cpp_token *tok = cpp_peek_token (pfile, *index);
      if (tok->type == CPP_EOF || tok->type == CPP_PRAGMA)
	return NULL;
      if (tok->type != CPP_PADDING)
	return tok;
      (*index)++;
    }
}

/* SPEC section 2: does a token of this kind, after a parenthesised group,
   make `defer (...)` the keyword?  */
static bool
starts_operand_after_group (const cpp_token *tok)
{
  bool decl_kw;
  switch (tok->type)
    {
    case CPP_NAME:
      return !node_is_keyword (tok->val.node.node, &decl_kw) || !decl_kw;
    case CPP_NUMBER: case CPP_CHAR: case CPP_WCHAR: case CPP_CHAR16:
    case CPP_CHAR32: case CPP_UTF8CHAR: case CPP_STRING: case CPP_WSTRING:
    case CPP_STRING16: case CPP_STRING32: case CPP_UTF8STRING:
    case CPP_OPEN_PAREN: case CPP_NOT: case CPP_COMPL:
    case CPP_PLUS_PLUS: case CPP_MINUS_MINUS:
      return true;
    default:
      return false;
    }
}

static bool
is_assignment_operator (enum cpp_ttype t)
{
  switch (t)
    {
    case CPP_EQ: case CPP_PLUS_EQ: case CPP_MINUS_EQ: case CPP_MULT_EQ:
    case CPP_DIV_EQ: case CPP_MOD_EQ: case CPP_AND_EQ: case CPP_OR_EQ:
    case CPP_XOR_EQ: case CPP_LSHIFT_EQ: case CPP_RSHIFT_EQ:
      return true;
    default:
      return false;
    }
}

/* SPEC section 2: `defer *p = 0;`, `defer ++n;`, `defer (*p) = 0;` ...
   are defers only where no declaration named `defer` is visible (read as
   a name they would be a declaration or no valid C).  -E cannot see
   declarations: it takes the keyword, and compiling its output warns.  */
static bool
defer_is_declared (void)
{
  if (flag_preprocess_only || !lookup_name)
    return false;
  tree decl = lookup_name (get_identifier ("defer"));
  return decl && decl != error_mark_node;
}

static bool defer_starts_statement (location_t loc);

/* Is DEFER_TOK, before a statement that starts with an operator, the
   keyword?  */
static bool
operator_form_is_keyword (const cpp_token *defer_tok)
{
  return defer_starts_statement (defer_tok->src_loc) && !defer_is_declared ();
}

/* Does the `defer` at LOC start a statement, judging by the text before
   it (where it was spelled: in the file, or in a macro's definition)?
   The forms that depend on declarations can misfire in the middle of an
   expression: `o.defer * 10`, `p->defer++ * 2`, and, where -E cannot look
   the name up, `x = defer * 2`.  True when nothing but blanks and
   comments precede the word on its line, or `;` `{` `}` `:` `)` or the
   word `else` or `do`.  */
static bool
defer_starts_statement (location_t loc)
{
  loc = linemap_resolve_location (line_table, loc, LRK_SPELLING_LOCATION,
				  NULL);
  expanded_location xl = expand_location (loc);
  int len;
  const char *s = xl.file ? cdefer_source_line (xl.file, xl.line, &len)
			  : NULL;
  if (!s || xl.column < 1 || xl.column > len + 1)
    return true;
  int i = xl.column - 1;
  for (;;)
    {
      while (i > 0 && ISSPACE (s[i - 1]))
	i--;
      if (i >= 2 && s[i - 1] == '/' && s[i - 2] == '*')
	{
	  const char *open = NULL;
	  for (int k = i - 2; k > 0; k--)
	    if (s[k - 1] == '/' && s[k] == '*')
	      {
		open = s + k - 1;
		break;
	      }
	  if (!open)
	    return true;
	  i = (int) (open - s);
	  continue;
	}
      break;
    }
  if (i == 0)
    return true;
  if (strchr (";{}:)", s[i - 1]))
    return true;
  int end = i;
  while (i > 0 && ISIDNUM (s[i - 1]))
    i--;
  return ((end - i == 4 && memcmp (s + i, "else", 4) == 0)
	  || (end - i == 2 && memcmp (s + i, "do", 2) == 0));
}

/* The rule of SPEC section 2 for `defer` (the token DEFER_TOK), looking
   only at what follows (and, for statements that start with an operator,
   at whether `defer` is declared).  */
static bool
defer_is_keyword (cpp_reader *pfile, const cpp_token *defer_tok)
{
  int i = 0;
  const cpp_token *tok = peek_real_token (pfile, &i);
  if (!tok)
    return false;
  bool decl_kw;
  switch (tok->type)
    {
    case CPP_OPEN_BRACE:
      return true;
    case CPP_NAME:
      return !node_is_keyword (tok->val.node.node, &decl_kw) || !decl_kw;
    case CPP_MULT: case CPP_NOT: case CPP_COMPL:
      return operator_form_is_keyword (defer_tok);
    case CPP_PLUS_PLUS: case CPP_MINUS_MINUS:
      /* `defer++;` is no statement starting with `++`: keep the name
	 (this matters where -E cannot see `int defer;`).  */
      i++;
      tok = peek_real_token (pfile, &i);
      return (tok && (tok->type == CPP_NAME || tok->type == CPP_OPEN_PAREN
		      || tok->type == CPP_MULT)
	      && operator_form_is_keyword (defer_tok));
    case CPP_OPEN_PAREN:
      break;
    default:
      return false;
    }
  /* A parenthesised group: find its end, then look at what follows.  */
  int depth = 0;
  for (int limit = 0; limit < 4096; limit++)
    {
      if (tok->type == CPP_OPEN_PAREN)
	depth++;
      else if (tok->type == CPP_CLOSE_PAREN && --depth == 0)
	{
	  i++;
	  tok = peek_real_token (pfile, &i);
	  if (!tok)
	    return false;
	  if (is_assignment_operator (tok->type))
	    return operator_form_is_keyword (defer_tok);
	  return starts_operand_after_group (tok);
	}
      else if (tok->type == CPP_SEMICOLON || tok->type == CPP_OPEN_BRACE
	       || tok->type == CPP_CLOSE_BRACE)
	return false;
      i++;
      tok = peek_real_token (pfile, &i);
      if (!tok)
	return false;
    }
  return false;
}

static bool
scope_is_keyword (cpp_reader *pfile)
{
  int i = 0;
  const cpp_token *tok = peek_real_token (pfile, &i);
  return tok && tok->type == CPP_OPEN_BRACE;
}

/* The keyword was taken at LOC (SPELLING is what the user wrote).  */
/* Returns false when the word must stay an identifier after all (outside
   a function: the statement cannot parse, and an identifier gives the
   parser's follow-up error a proper location).  */
static bool
keyword_taken (location_t loc, const char *spelling, bool contextual)
{
  cdefer_marker_count++;
  declare_markers ();
  if (flag_preprocess_only)
    return true;
  if (!current_function_decl)
    {
      cdefer_report (CDEFER_DIAG_DEFER_OUTSIDE_FUNCTION, loc, NULL,
		     spelling);
      return false;
    }
  if (contextual && lookup_name)
    {
      tree decl = lookup_name (get_identifier (spelling));
      if (decl && decl != error_mark_node)
	{
	  auto_diagnostic_group group;
	  if (cdefer_report (CDEFER_DIAG_KEYWORD_SHADOWS_NAME, loc, NULL,
			     spelling))
	    cdefer_note (DECL_SOURCE_LOCATION (decl),
			 "'%s' is declared here; "
			 "-fplugin-arg-cdefer-keywords=reserved keeps it a name",
			 spelling);
	}
    }
  return true;
}

static cpp_hashnode *
cdefer_macro_to_expand (cpp_reader *pfile, const cpp_token *tok)
{
  cpp_hashnode *node = tok->val.node.node;

  for (int i = 0; i < 3; i++)
    if (node == tag_nodes[i])
      {
	/* `struct defer`: remember that this `defer` is a tag name.  */
	int idx = 0;
	const cpp_token *next = peek_real_token (pfile, &idx);
	if (next && next->type == CPP_NAME
	    && (next->val.node.node == defer_node
		|| next->val.node.node == scope_node))
	  after_tag_loc = next->src_loc;
	return NULL;
      }

  if (node == defer_kw_node || node == scope_kw_node)
    {
      if (!keyword_taken (tok->src_loc,
			  node == defer_kw_node ? "_Defer" : "_Scope", false))
	return NULL;
      return node;
    }

  if (node == defer_node || node == scope_node)
    {
      if (cdefer_opts.reserved_keywords)
	return NULL;
      if (after_tag_loc != UNKNOWN_LOCATION && tok->src_loc == after_tag_loc)
	return NULL;
      bool is_defer = node == defer_node;
      if (!(is_defer ? defer_is_keyword (pfile, tok)
		     : scope_is_keyword (pfile)))
	return NULL;
      if (!keyword_taken (tok->src_loc, is_defer ? "defer" : "scope", true))
	return NULL;
      return is_defer ? contextual_defer_node : scope_kw_node;
    }

  return previous_macro_to_expand ? previous_macro_to_expand (pfile, tok)
				  : NULL;
}

/* ---- the parser hook: attribute cdefer_block ----

   GCC calls the handler of the attribute in `_Defer`'s expansion while it
   parses the condition of the marker loop.  At that moment the top of the
   parser's stack of statement lists is the loop's own (still empty) list,
   and the one below receives the loop: the list of the block the defer
   stands in -- a compound statement, the implicit block of an if or loop
   body, a statement expression, or the body of a cleanup.

   Model ts: every block is a defer scope, but GCC keeps no trace of a
   block that declares nothing: its statements are spliced into the
   enclosing list.  So the handler ends that list with a BIND_EXPR and
   makes the BIND_EXPR's body the list that receives the defer and the rest
   of the block -- what GCC's push_cleanup does for a cleanup variable.
   The BIND_EXPR holds exactly the part of the block a defer's body is
   registered in (TS 25755: a jump back before the defer leaves it), and a
   mark among its variables tells the walk of the function what it is.

   Both models: the statement expression around the defer is a defer scope,
   and one whose body is a single statement would lose its BIND_EXPR and
   the flag on its statement list.  A no-op statement in front keeps
   both.  */

bool
cdefer_is_block_mark (tree decl)
{
  return (TREE_CODE (decl) == CONST_DECL && DECL_ARTIFICIAL (decl)
	  && !DECL_NAME (decl));
}

static bool
has_statements (tree list)
{
  for (tree_stmt_iterator i = tsi_start (list); !tsi_end_p (i); tsi_next (&i))
    if (TREE_CODE (tsi_stmt (i)) != DEBUG_BEGIN_STMT)
      return true;
  return false;
}

static tree
last_statement (tree list)
{
  tree_stmt_iterator i = tsi_last (list);
  return tsi_end_p (i) ? NULL_TREE : tsi_stmt (i);
}

/* Is LIST the body that a TRY_FINALLY/TRY_CATCH or a BIND_EXPR at the end
   of OUTER opened (a cleanup variable's, or one of ours)?  */
static bool
continues_list (tree list, tree outer)
{
  tree last = last_statement (outer);
  if (!last)
    return false;
  if (TREE_CODE (last) == TRY_FINALLY_EXPR
      || TREE_CODE (last) == TRY_CATCH_EXPR)
    return TREE_OPERAND (last, 0) == list;
  return TREE_CODE (last) == BIND_EXPR && BIND_EXPR_BODY (last) == list;
}

/* Give the statement expression around STACK[TOP] a first statement.  */
static void
keep_stmt_expr_whole (vec<tree, va_gc> *stack, unsigned top)
{
  unsigned i = top + 1;
  while (i-- > 0 && !STATEMENT_LIST_STMT_EXPR ((*stack)[i]))
    ;
  if (i == (unsigned) -1)
    return;
  /* The bodies of cleanups inherit the flag: go down to the list of the
     statement expression itself.  */
  while (i > 0 && STATEMENT_LIST_STMT_EXPR ((*stack)[i - 1])
	 && continues_list ((*stack)[i], (*stack)[i - 1]))
    i--;
  tree list = (*stack)[i];
  if (!has_statements (list))
    append_to_statement_list_force (build_empty_stmt (input_location), &list);
}

/* Model ts: the rest of the block whose list is STACK[AT] goes into a
   marked BIND_EXPR (once per block: a second defer finds the list open).  */
static void
open_rest_of_block (vec<tree, va_gc> *&stack, unsigned at)
{
  tree list = (*stack)[at];
  if (at > 0 && continues_list (list, (*stack)[at - 1]))
    {
      tree last = last_statement ((*stack)[at - 1]);
      if (TREE_CODE (last) == BIND_EXPR && BIND_EXPR_VARS (last)
	  && cdefer_is_block_mark (BIND_EXPR_VARS (last)))
	return;
    }
  tree mark = build_decl (input_location, CONST_DECL, NULL_TREE,
			  integer_type_node);
  DECL_ARTIFICIAL (mark) = 1;
  DECL_IGNORED_P (mark) = 1;
  DECL_INITIAL (mark) = integer_zero_node;
  tree rest = alloc_stmt_list ();
  tree bind = build3 (BIND_EXPR, void_type_node, mark, rest, NULL_TREE);
  TREE_SIDE_EFFECTS (bind) = 1;
  SET_EXPR_LOCATION (bind, input_location);
  append_to_statement_list_force (bind, &list);
  vec_safe_insert (stack, at + 1, rest);
}

/* Compiling -E output: a contextual `defer` (ARGS is (1)) was taken as
   the keyword without a look at the declarations in view; warn now as the
   compilation of the source would have (keyword_taken).  */
static void
warn_if_defer_declared (tree args)
{
  if (!args || !cpp_get_options (parse_in)->preprocessed || !lookup_name)
    return;
  tree decl = lookup_name (get_identifier ("defer"));
  if (!decl || decl == error_mark_node)
    return;
  auto_diagnostic_group group;
  if (cdefer_report (CDEFER_DIAG_KEYWORD_SHADOWS_NAME, input_location, NULL,
		     "defer"))
    cdefer_note (DECL_SOURCE_LOCATION (decl),
		 "'defer' is declared here; "
		 "-fplugin-arg-cdefer-keywords=reserved keeps it a name");
}

static tree
handle_cdefer_block (tree *, tree, tree args, int, bool *no_add_attrs)
{
  *no_add_attrs = true;
  if (!current_function_decl || !current_stmt_tree)
    return NULL_TREE;
  warn_if_defer_declared (args);
  vec<tree, va_gc> *&stack = current_stmt_tree ()->x_cur_stmt_list;
  unsigned n = vec_safe_length (stack);
  /* Only in the condition of a marker loop: its list is still empty.  */
  if (n < 2 || has_statements ((*stack)[n - 1]))
    return NULL_TREE;
  keep_stmt_expr_whole (stack, n - 2);
  /* A statement expression (or a cleanup's body in one) is a scope
     already, and its value is its last statement: leave it whole.  */
  if (cdefer_opts.model == MODEL_TS
      && !STATEMENT_LIST_STMT_EXPR ((*stack)[n - 2]))
    open_rest_of_block (stack, n - 2);
  return NULL_TREE;
}

static const struct attribute_spec block_attribute = {
  "cdefer_block", 0, 1, false, true, false, false, handle_cdefer_block, NULL
};

void
cdefer_syntax_register_attributes (void)
{
  register_attribute (&block_attribute);
}

/* A conditional macro NAME=EXPANSION, defined without telling -dD/-g3.  */
static cpp_hashnode *
define_conditional (const char *definition, const char *name)
{
  cpp_define (parse_in, definition);
  cpp_hashnode *node = cpp_lookup (parse_in, (const unsigned char *) name,
				   strlen (name));
  node->flags |= NODE_CONDITIONAL;
  return node;
}

/* After `#undef defer` the word is the contextual keyword again (SPEC
   section 2).  libcpp frees the definition after this callback returns,
   so the identity macros are defined anew when the next line starts.  */
static void
cdefer_undef (cpp_reader *pfile, location_t loc, cpp_hashnode *node)
{
  if (node == defer_node || node == scope_node || node == defer_kw_node
      || node == scope_kw_node)
    restore_pending = true;
  if (previous_undef)
    previous_undef (pfile, loc, node);
}

static void define_keywords (void);

static void
cdefer_line_change (cpp_reader *pfile, const cpp_token *tok, int parsing_args)
{
  if (restore_pending && !parsing_args)
    {
      restore_pending = false;
      define_keywords ();
    }
  if (previous_line_change)
    previous_line_change (pfile, tok, parsing_args);
}

/* Preprocessed input on stdin (`gcc -fpreprocessed -`, as icecream's
   servers compile): the checks read the .i text again, and a pipe cannot
   be read twice.  So the input is copied to a temporary file that cc1 then
   reads instead; the line markers still name the original files.  Called
   from plugin_init, before cc1 opens its main input.  */
static char *spooled_input;

static void
remove_spooled_input (void *, void *)
{
  if (spooled_input)
    unlink (spooled_input);
}

void
cdefer_syntax_spool_stdin (const char *plugin_name)
{
  if (!parse_in || !cpp_get_options (parse_in)->preprocessed
      || num_in_fnames < 1 || !in_fnames[0] || strcmp (in_fnames[0], "-") != 0)
    return;
  const char *dir = getenv ("TMPDIR");
  char *path = concat (dir && *dir ? dir : "/tmp", "/cdefer-stdin-XXXXXX.i",
		       NULL);
  int fd = mkstemps (path, 2);
  if (fd < 0)
    {
      free (path);
      return;	/* then the .i text is not available, as before */
    }
  char buf[65536];
  ssize_t n;
  bool ok = true;
  while (ok && (n = read (0, buf, sizeof buf)) != 0)
    if (n < 0 ? errno != EINTR : write (fd, buf, n) != n)
      ok = false;
  close (fd);
  if (!ok)
    {
      unlink (path);
      fatal_error (UNKNOWN_LOCATION, "cdefer: cannot copy the standard input "
		   "to %s: %m", path);
    }
  spooled_input = path;
  in_fnames[0] = path;
  register_callback (plugin_name, PLUGIN_FINISH, remove_spooled_input, NULL);
}

/* Is the text "__cdefer_marker_" in the (preprocessed) main input?  */
static bool
input_mentions_markers (void)
{
  /* Not main_input_filename: for preprocessed input GCC sets that to the
     name in the first line marker, the original source.  */
  if (num_in_fnames < 1 || !in_fnames[0])
    return false;
  FILE *f = fopen (in_fnames[0], "rb");
  if (!f)
    return false;
  static const char needle[] = "__cdefer_marker_";
  char buf[65536 + sizeof needle];
  size_t keep = 0, n;
  bool found = false;
  while (!found && (n = fread (buf + keep, 1, 65536, f)) > 0)
    {
      size_t len = keep + n;
      found = memmem (buf, len, needle, sizeof needle - 1) != NULL;
      keep = len < sizeof needle ? len : sizeof needle - 1;
      memmove (buf, buf + len - keep, keep);
    }
  fclose (f);
  return found;
}

void
cdefer_syntax_init (void)
{
  cdefer_defer_marker_id = get_identifier ("__cdefer_marker_defer");
  cdefer_scope_marker_id = get_identifier ("__cdefer_marker_scope");
  if (!parse_in)
    return;
  if (cpp_get_options (parse_in)->preprocessed)
    {
      cdefer_input_has_markers = input_mentions_markers ();
      if (cdefer_input_has_markers)
	cdefer_source_set_preprocessed (in_fnames[0]);
      return;
    }

  cpp_callbacks *cb = cpp_get_callbacks (parse_in);
  void (*saved_define) (cpp_reader *, location_t, cpp_hashnode *) = cb->define;
  cb->define = NULL;

  char buf[64];
  snprintf (buf, sizeof buf, "__CDEFER__=%d", CDEFER_VERSION_NUMBER);
  cpp_define (parse_in, buf);
  if (cdefer_opts.model == MODEL_TS)
    {
      cpp_define (parse_in, "__CDEFER_MODEL_TS__=1");
      cpp_define (parse_in, "__STDC_DEFER_TS25755__=2");
    }
  else
    cpp_define (parse_in, "__CDEFER_MODEL_GO__=1");

  cb->define = saved_define;
  define_keywords ();
  previous_macro_to_expand = cb->macro_to_expand;
  cb->macro_to_expand = cdefer_macro_to_expand;
  previous_undef = cb->undef;
  cb->undef = cdefer_undef;
  previous_line_change = cb->line_change;
  cb->line_change = cdefer_line_change;
}

/* The conditional macros; those the user has defined are left alone.  */
static void
define_keywords (void)
{
  static const struct { cpp_hashnode **node; const char *def, *name; } k[] = {
    { &defer_kw_node, "_Defer=while ((int __attribute__ ((__cdefer_block__)))"
      " __cdefer_marker_defer ())", "_Defer" },
    { &contextual_defer_node, "__cdefer_contextual_defer=while ((int"
      " __attribute__ ((__cdefer_block__ (1)))) __cdefer_marker_defer ())",
      "__cdefer_contextual_defer" },
    { &scope_kw_node, "_Scope=while (__cdefer_marker_scope ())", "_Scope" },
    { &defer_node, "defer=defer", "defer" },
    { &scope_node, "scope=scope", "scope" },
    { &tag_nodes[0], "struct=struct", "struct" },
    { &tag_nodes[1], "union=union", "union" },
    { &tag_nodes[2], "enum=enum", "enum" },
  };
  cpp_callbacks *cb = cpp_get_callbacks (parse_in);
  void (*saved_define) (cpp_reader *, location_t, cpp_hashnode *) = cb->define;
  cb->define = NULL;
  for (unsigned i = 0; i < ARRAY_SIZE (k); i++)
    {
      cpp_hashnode *node = cpp_lookup (parse_in, (const unsigned char *) k[i].name,
				       strlen (k[i].name));
      if (!cpp_macro_p (node))
	*k[i].node = define_conditional (k[i].def, k[i].name);
    }
  cb->define = saved_define;
}

void
cdefer_syntax_start_unit (void)
{
  if (cdefer_input_has_markers)
    declare_markers ();
}
