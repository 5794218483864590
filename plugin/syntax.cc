/* SPDX-License-Identifier: GPL-3.0-or-later */
/* syntax.cc - getting `defer` and `scope` through GCC's C parser.

   GCC has no hook to add statements to its parser, but its preprocessor
   has "conditional macros" (made for PowerPC's contextual `vector`): a
   macro whose expansion a callback decides token by token, after peeking
   at what follows.  So:

     _Defer  -> while (__cdefer_marker_defer ())   then the user's BODY
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

   None of this happens under -fpreprocessed (.i input, -save-temps):
   there the markers are already in the text, and we only declare them.  */

#include "cdefer-internal.h"

tree cdefer_defer_marker_id;
tree cdefer_scope_marker_id;
unsigned long cdefer_marker_count;
bool cdefer_input_has_markers;

static cpp_hashnode *defer_node, *scope_node;	    /* defer, scope */
static cpp_hashnode *defer_kw_node, *scope_kw_node; /* _Defer, _Scope */
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

/* The rule of SPEC section 2 for `defer`, looking only at what follows.  */
static bool
defer_is_keyword (cpp_reader *pfile)
{
  int i = 0;
  const cpp_token *tok = peek_real_token (pfile, &i);
  if (!tok)
    return false;
  bool decl_kw;
  if (tok->type == CPP_OPEN_BRACE)
    return true;
  if (tok->type == CPP_NAME)
    return !node_is_keyword (tok->val.node.node, &decl_kw) || !decl_kw;
  if (tok->type != CPP_OPEN_PAREN)
    return false;
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
	  return tok && starts_operand_after_group (tok);
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
      if (!(is_defer ? defer_is_keyword (pfile) : scope_is_keyword (pfile)))
	return NULL;
      if (!keyword_taken (tok->src_loc, is_defer ? "defer" : "scope", true))
	return NULL;
      return is_defer ? defer_kw_node : scope_kw_node;
    }

  return previous_macro_to_expand ? previous_macro_to_expand (pfile, tok)
				  : NULL;
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
    { &defer_kw_node, "_Defer=while (__cdefer_marker_defer ())", "_Defer" },
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
