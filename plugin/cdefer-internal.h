/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cdefer-internal.h - what the parts of the plugin share.

   The plugin works in three steps, one file each:
     syntax.cc   while GCC lexes: `defer`/`scope` (and `_Defer`/`_Scope`)
                 become marker loops `while (__cdefer_marker_defer ()) BODY`
                 that the C parser accepts as ordinary statements;
     analyse.cc  per function, before genericization: one walk over the
                 function's GENERIC records where the defers and scopes are
                 (for the lowering) and describes the function to the rule
                 engine core/ (values.cc tells it the facts about
                 variables); the core runs every check of SPEC section 4;
     lower.cc    the markers are replaced by GCC's own cleanup machinery
                 (TRY_FINALLY_EXPR, exactly what __attribute__((cleanup))
                 becomes), with a flag only where a defer can be skipped.
   diagnose.cc prints every diagnostic (the core's, through
   cdefer_report_core, and the parser's) and
   source-text.cc reads the user's source for look-ahead and fix-its.  */
#ifndef CDEFER_INTERNAL_H
#define CDEFER_INTERNAL_H

#include "gcc-compat.h"
#include "cdefer-core.h"

/* ---- options (cdefer-plugin.cc) ---- */
enum cdefer_model { MODEL_GO, MODEL_TS };
struct cdefer_options
{
  enum cdefer_model model;
  bool reserved_keywords;	/* keywords=reserved: no plain defer/scope */
  bool trace;
  bool dump_core;		/* dump-core: each function's description */
};
extern struct cdefer_options cdefer_opts;

/* ---- diagnostics (diagnose.cc) ---- */
enum cdefer_diag_id
{
#define CDEFER_DIAG(NAME, ID, KIND, MSG) CDEFER_DIAG_##NAME,
#include "cdefer/diagnostics.def"
#undef CDEFER_DIAG
  CDEFER_DIAG_COUNT
};

bool cdefer_diag_set_control (const char *list, char how);
const char *cdefer_diag_id_name (enum cdefer_diag_id id);
/* The core's report callback: prints D with its notes, and its fix-it
   when the source holds the expected text.  */
bool cdefer_report_core (void *backend, const struct cd_diag *d);
/* Report diagnostic ID at LOC (resolved to the user's spelling).  RICH may
   carry fix-it hints; NULL for none.  Returns true if it was emitted.  */
bool cdefer_report (enum cdefer_diag_id id, location_t loc,
		    rich_location *rich, ...);
void cdefer_note (location_t loc, const char *fmt, ...)
  ATTRIBUTE_PRINTF_2;
location_t cdefer_user_location (location_t loc);
/* `#pragma cdefer ignore "ID"`.  */
void cdefer_register_pragmas (void);
/* The IDs (at most MAX, into IDS) of the pragmas whose statement is the
   one that starts at LOC; each pragma is given once.  */
int cdefer_ignores_at (location_t loc, int *ids, int max);

/* ---- source text (source-text.cc) ---- */
/* Compiling a .i: text comes from it, and no fix-its are offered.  */
extern bool cdefer_preprocessed_input;
void cdefer_source_set_preprocessed (const char *ifile);
/* The text of line LINE (1-based) of FILE, or NULL; *LEN gets its length.  */
const char *cdefer_source_line (const char *file, int line, int *len);
/* True if the line after LINE in FILE starts (after blanks) with '#'.  */
bool cdefer_next_line_is_directive (const char *file, int line);
/* Location of the character C (any non-blank if C is 0) found at LOC's
   line after skipping SKIP_WORDS words and, if SKIP_PARENS, one balanced
   (...) group; UNKNOWN_LOCATION if the text does not look as expected.  */
bool cdefer_do_while_condition (location_t do_loc, char *buf, size_t size);
/* The innermost brace block around LOC in the text of the function whose
   name is at FN_LOC: the offset of its `{`, its depth (1: the function
   body), and whether it stands where a statement does (after `;`, `{`,
   `}` or a label's `:`: a plain block, not a body or an initialiser).  */
bool cdefer_innermost_block (location_t fn_loc, location_t loc, long *open,
			     int *depth, bool *bare);
/* Where a substatement is in the text: offsets of its first and last
   characters (-1: a statement from a macro, whose shape is known from the
   macro's definition but whose position is not the user's); BRACED: it
   is a compound statement.  */
struct cdefer_stmt_text
{
  long first, last;
  bool braced;
};
/* The substatement of the statement at LOC: the body of a loop, switch,
   `scope` or `defer`, the then-arm of an if (AT_BODY: LOC is the body
   already, as GCC locates a do statement, or at its `do`).  */
bool cdefer_body_text (location_t loc, bool at_body,
		       struct cdefer_stmt_text *text);
/* The else-arm of the if statement at IF_LOC.  */
bool cdefer_else_text (location_t if_loc, struct cdefer_stmt_text *text);
long cdefer_text_offset (location_t loc, const char **file);
/* The text extent of the statement starting at LOC (a `defer`: through
   its `;` or `}`; an `if`, located at its '(': through its body).  With
   WHOLE_LINE the statement must be alone on its line, and the extent takes
   the line (indentation and newline); TEXT then gets "\n" + the line.  */
/* The offset where the line after offset OFF starts, if nothing but blanks
   follows OFF on its line; else -1.  */
long cdefer_start_of_next_line (location_t ref, long off);
bool cdefer_statement_text (location_t loc, bool whole_line, long *start,
			    long *end, char *text, size_t size);
location_t cdefer_location_of_offset (location_t ref, long off);
bool cdefer_text_at_is_word (location_t loc, const char *a, const char *b);
/* Does the user's text (a .i's too) at LOC start with the word W?  */
bool cdefer_word_at (location_t loc, const char *w);
/* Does the word W end just before LOC (blanks between)?  */
bool cdefer_word_before (location_t loc, const char *w);
/* The character of the user's text at LOC, or 0.  */
char cdefer_char_at (location_t loc);
bool cdefer_text_is_name_then_semicolon (location_t loc, const char *name,
					 long *last);
location_t cdefer_word_from (location_t loc, const char *name);
location_t cdefer_find_char_on_line (location_t loc, int skip_words,
				     bool skip_parens, char c);

/* ---- syntax (syntax.cc) ---- */
void cdefer_syntax_init (void);		/* at PLUGIN_PRAGMAS */
void cdefer_syntax_spool_stdin (const char *plugin_name); /* plugin_init */
void cdefer_syntax_start_unit (void);	/* at PLUGIN_START_UNIT */
void cdefer_syntax_register_attributes (void);	/* at PLUGIN_ATTRIBUTES */
/* Is DECL the mark that attribute cdefer_block leaves on a block?  */
bool cdefer_is_block_mark (tree decl);
/* The marker function decls' names.  */
extern tree cdefer_defer_marker_id;
extern tree cdefer_scope_marker_id;
/* Count of marker expansions so far: functions parsed while it did not
   change contain no defer/scope and are left alone.  */
extern unsigned long cdefer_marker_count;
extern bool cdefer_input_has_markers;	/* preprocessed input using markers */

/* ---- the record of one function (analyse.cc) ---- */
enum scope_kind
{
  SCOPE_FUNCTION,	/* a function body */
  SCOPE_STATEMENT,	/* the body of `scope` */
  SCOPE_DEFER_BODY,	/* the body of a `defer` */
  SCOPE_STMT_EXPR,	/* a GNU statement expression ({ ... }) */
  SCOPE_OMP,		/* the structured block of an OpenMP construct */
  SCOPE_BLOCK		/* model ts: any other block */
};

enum frame_kind { FRAME_SCOPE, FRAME_LOOP, FRAME_SWITCH };

struct defer_scope;

/* The nesting of the walk: every recorded statement remembers the
   innermost frame around it; frames point to their parents, so the chain
   of a statement is its whole context.  */
struct frame
{
  enum frame_kind kind;
  struct frame *parent;
  tree node;			/* the loop, switch, or scope's marker */
  location_t loc;
  struct defer_scope *scope;	/* FRAME_SCOPE only */
  int pos;
};

struct defer_stmt
{
  int core_id;			/* the core's id of it */
  tree marker;			/* the marker WHILE_STMT */
  tree *slot;			/* where the marker sits */
  location_t loc;
  int pos;
  struct frame *ctx;		/* frame around the defer */
  struct defer_scope *owner;	/* the scope it registers with */
  struct defer_scope *body;	/* its body, itself a defer scope */
  /* Where the TRY_FINALLY goes: element INDEX of the owner's spine list
     LIST; DIRECT when that element is the marker itself.  */
  tree list;
  int index;
  bool direct;
  bool needs_flag;
  tree flag;
  tree flag_var;		/* the user's variable that serves as the flag
				   (cd_defer_flag_var): FLAG is NULL then */
  tree trace_site;		/* trace mode: the static site record */
  tree trace_time;		/* trace mode: the local the hooks use */
  bool in_list;			/* an element of a statement list (not the
				   arm of an if, say) */
};

struct defer_scope
{
  enum scope_kind kind;
  struct defer_scope *parent;
  struct frame *frame;
  tree *root;			/* slot of the scope's body */
  tree marker;			/* SCOPE_STATEMENT: the marker WHILE_STMT */
  tree *marker_slot;
  location_t loc;
  vec<defer_stmt *> defers;
  /* Walk state: the spine list and element currently being walked.  */
  tree cur_list;
  int cur_index;
  bool switch_body;		/* switch (e) scope { ... } */
  vec<tree> flags;		/* flags whose home this scope is */
};

struct function_record
{
  tree fndecl;
  cd_func *core;		/* its description, for the rules */
  vec<defer_scope *> scopes;	/* in walk (pre-)order */
  vec<defer_stmt *> defers;
  vec<frame *> frames;
  /* For each nested function that jumps (or a function nested in it
     jumps) to labels of this function, the TREE_LIST of those labels.  */
  hash_map<tree, tree> *nonlocal_targets;
  bool has_markers;
  int errors;
};

bool cdefer_is_marker (tree stmt, tree marker_id);
/* ---- the value facts for the core (values.cc) ---- */
bool cdefer_own_decl (tree decl, tree fn);
struct cd_expr cdefer_classify (tree e);
tree cdefer_address_taken_of (tree addr);
void cdefer_describe_params (cd_func *core, tree fn);
void cdefer_describe_block_vars (cd_func *core, tree bind, tree fn);
void cdefer_describe_call_args (cd_func *core, tree call, location_t loc);
void cdefer_describe_assignment (cd_func *core, tree t, bool compound,
				 location_t loc);
void cdefer_describe_increment (cd_func *core, tree t, location_t loc);
void cdefer_describe_initializer (cd_func *core, tree decl, tree fn);
void cdefer_describe_return_value (cd_func *core, tree ret, location_t loc);
void cdefer_describe_if_condition (cd_func *core, tree cond, tree fn,
				   location_t loc);
void cdefer_describe_deferred_call (cd_func *core, int id, tree body);
/* Attributes (cdefer-plugin.cc).  */
bool cdefer_has_attribute (tree fndecl, const char *name);
tree cdefer_attribute_args (tree fndecl, const char *name);
void cdefer_process_function (tree fndecl);
void cdefer_lower_function (struct function_record *rec);
/* Trace mode: the GC roots of lower.cc's trace declarations.  */
void cdefer_trace_register_roots (const char *plugin_name);
bool frame_chain_has (struct frame *f, struct frame *target);
tree cdefer_strip_debug (tree t);

#endif
