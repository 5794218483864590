/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cdefer-core.h - the rules of cdefer, written once (SPEC sections 3-4).

   The GCC plugin and the front end are two readers of C: one reads GCC's
   trees, the other its own token-level statement tree.  Neither decides
   anything about defer.  Each describes one function to the core, in
   source order, through the builder below; the core then runs every rule
   of SPEC section 4 and reports what it finds through a callback, and
   answers the lowering's questions (which defers need a flag).

   The description is a tree of BLOCKS (function body, scope bodies,
   deferred bodies, statement expressions, OpenMP blocks, plain compound
   statements, loops, switches, if arms) and, inside them, EVENTS in source
   order: defers, labels, case labels, jumps, label addresses, calls,
   variable declarations and uses, `if` tests, stores and returns.  Every
   builder call gets the next position, so "before" and "after" are plain
   integer comparisons.

   Locations are the backend's own (a location_t, a token index) carried
   as an opaque cd_loc; the core never looks inside one, it only hands them
   back in diagnostics.  Labels and variables are named by the backend's
   own key (a tree, a Sym or Var pointer): a goto may name a label that is
   defined later.

   The core is plain C11, has no global state (everything hangs off a
   cd_func), and never prints: the backends print, in GCC's format, with
   their own fix-it machinery.  */
#ifndef CDEFER_CORE_H
#define CDEFER_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uintptr_t cd_loc;		/* a backend location; 0: none */
typedef struct cd_func cd_func;

enum cd_model { CD_MODEL_GO, CD_MODEL_TS };

/* ---- the name tables (core/tables.c): one list per job ---- */
enum cd_call_class
{
  CD_CALL_OTHER,
  CD_CALL_EXIT,			/* exit, _Exit, quick_exit */
  CD_CALL_THREAD_EXIT,		/* thrd_exit, pthread_exit: exit-like unless
				   the unit unwinds (-fexceptions) */
  CD_CALL_LONGJMP,		/* longjmp, siglongjmp, _longjmp, ... */
  CD_CALL_SETJMP,		/* setjmp, sigsetjmp, vfork, getcontext, ... */
  CD_CALL_RELEASE,		/* free, fclose, close, ...: releases arg 1 */
  CD_CALL_TAKE,			/* cdefer_take, cdefer_take_ptr_ */
  CD_CALL_PANIC			/* cdefer_panic, cdefer_panicf,
				   cdefer_protect: libcdefer's unwinding */
};
enum cd_call_class cd_classify_call (const char *name);
/* Does release function NAME accept NULL (free, g_free...)?  */
bool cd_release_accepts_null (const char *name);
/* Does function NAME keep its argument INDEX (0-based) beyond the call
   (pthread_create's 4th, thrd_create's 3rd, on_exit's 2nd, ...)?  FOR_FUNCTION: the
   argument is a (nested) function rather than an object address.  */
bool cd_call_retains_arg (const char *name, int index, bool for_function);

/* ---- diagnostics: what the core reports ---- */
/* The IDs are the catalogue's (runtime/include/cdefer/diagnostics.def).  */
enum cd_diag_id
{
#define CDEFER_DIAG(NAME, ID, KIND, MSG) CD_DIAG_##NAME,
#include "cdefer/diagnostics.def"
#undef CDEFER_DIAG
  CD_DIAG_COUNT
};
const char *cd_diag_id_name (enum cd_diag_id id);   /* "defer-in-loop" */
const char *cd_diag_message (enum cd_diag_id id);   /* the printf format */
bool cd_diag_is_error (enum cd_diag_id id);

/* A mechanical fix.  The core says which fix and where (locations of the
   backend's own nodes); the backend turns it into text, and offers it only
   when the source really holds the expected text there.  */
enum cd_fixit_kind
{
  CD_FIX_NONE,
  CD_FIX_SCOPE_BEFORE,		/* insert "scope " before AT (a '{') */
  CD_FIX_WRAP_IN_SCOPE,		/* AT..END is a statement without braces:
				   "scope { " before, " }" after */
  CD_FIX_MOVE_AFTER,		/* move the statement AT after statement END
				   (defer-before-check: the defer after the
				   test) */
  CD_FIX_TAKE			/* AT..END is the returned expression:
				   "cdefer_take(" before, ")" after */
};

#define CD_MAX_NOTES 2
struct cd_note
{
  cd_loc loc;
  const char *text;		/* complete text, no format */
};

struct cd_diag
{
  enum cd_diag_id id;
  cd_loc loc;
  const char *arg;		/* the message's %s, or NULL */
  int nnotes;
  struct cd_note notes[CD_MAX_NOTES];
  enum cd_fixit_kind fixit;
  cd_loc fix_at, fix_end;
};

/* The backend's printer: returns false if the diagnostic was suppressed
   (-Wno-cdefer-ID, #pragma cdefer ignore), so the core can skip work that
   only serves a suppressed diagnostic.  */
typedef bool (*cd_report_fn) (void *backend, const struct cd_diag *d);

/* ---- building the description of one function ---- */
cd_func *cd_func_new (enum cd_model model, cd_report_fn report,
		      void *backend);
void cd_func_free (cd_func *f);

/* Facts about the whole function or unit.  */
void cd_set_unwinds (cd_func *f, bool unwinds);	/* -fexceptions */
void cd_set_calls_setjmp (cd_func *f, bool calls_setjmp);

/* Blocks.  Open and close them in source order; cd_close_block returns
   to the parent.  cd_open_block returns the block's id.

   What is a block, so that two backends describing one program agree:
   - the function body: CD_BLOCK_FUNCTION, role CD_ROLE_OTHER, opened
     first (LOC: the function's name), closed last;
   - `scope S`: CD_BLOCK_SCOPE (LOC: the `scope` keyword).  When S is a
     compound statement its braces are this block's, no block of their
     own; otherwise S's events are directly in it;
   - `defer S`: CD_BLOCK_DEFER, opened by cd_defer, the same way;
   - `({ ... })`: CD_BLOCK_STMT_EXPR (LOC: its '{');
   - the structured block of an OpenMP construct: CD_BLOCK_OMP (LOC: the
     construct);
   - `if`, `switch`, `for`, `while`, `do`: a block for the statement itself
     (CD_BLOCK_IF, CD_BLOCK_SWITCH, CD_BLOCK_LOOP; role CD_ROLE_NONE; LOC:
     its keyword), holding the events of its expressions and declarations
     (for-init) in source order (`for`: init, condition, step, then the
     body; `do`: the body, then the condition), and one block per
     substatement (an `if`'s then-arm, its else-arm if any; the body of a
     loop or a switch) with role CD_ROLE_IF_ARM, CD_ROLE_LOOP_BODY or
     CD_ROLE_SWITCH_BODY: CD_BLOCK_COMPOUND (LOC: its '{', END: its '}')
     when the substatement is a compound statement, CD_BLOCK_STATEMENT
     (LOC..END: the statement's first and last token) when it is not.  An
     OpenMP loop (`#pragma omp for`) is a CD_BLOCK_LOOP the same way;
   - every other compound statement: CD_BLOCK_COMPOUND, role CD_ROLE_BARE
     (also after a label or a case label: `L: { ... }`); LOC its '{', END
     its '}'.
   The plugin cannot see a compound statement that declares nothing in
   GCC's trees unless it holds a defer; no rule needs those, and cd_dump
   leaves out a CD_ROLE_BARE block that directly holds no defer and no
   declaration (printing its events in place), so that dumps compare.  */
enum cd_block_kind
{
  CD_BLOCK_FUNCTION,		/* the function body */
  CD_BLOCK_SCOPE,		/* body of `scope` */
  CD_BLOCK_DEFER,		/* body of `defer` (opened by cd_defer) */
  CD_BLOCK_STMT_EXPR,		/* ({ ... }) */
  CD_BLOCK_OMP,			/* structured block of an OpenMP construct */
  CD_BLOCK_COMPOUND,		/* any other { ... } */
  CD_BLOCK_LOOP,		/* for/while/do statement (the whole loop) */
  CD_BLOCK_SWITCH,		/* switch statement */
  CD_BLOCK_IF,			/* if statement (both arms) */
  CD_BLOCK_STATEMENT		/* a substatement without braces */
};
/* What a compound statement is the body of; decides defer-in-plain-block
   and which fix-it a loop body gets.  */
enum cd_block_role
{
  CD_ROLE_NONE,
  CD_ROLE_BARE,			/* a block statement of its own (also after a
				   label or a case label) */
  CD_ROLE_LOOP_BODY,
  CD_ROLE_IF_ARM,
  CD_ROLE_SWITCH_BODY,
  CD_ROLE_OTHER			/* anything else (a function body...) */
};
int cd_open_block (cd_func *f, enum cd_block_kind kind,
		   enum cd_block_role role, cd_loc loc);
void cd_close_block (cd_func *f, cd_loc end);
/* A loop whose controlling expression is an integer constant expression
   equal to 0 (do { } while (0)): not a loop for defer-in-loop.  The
   backend calls this for the current loop block once it knows.  */
void cd_loop_is_once (cd_func *f, int loop);
/* The current block.  */
int cd_current_block (cd_func *f);

/* `defer BODY`: registers with the innermost defer scope and opens its
   body as a CD_BLOCK_DEFER block; close it with cd_close_block.  LOC is
   the `defer` keyword (as the diagnostics point at it), BODY_LOC the
   body's first token (its '{' if it has one); EMPTY: `defer ;` or
   `defer { }` (only null statements between the braces);
   STARTS_WITH_LABEL: the body is a labelled statement (a compound
   statement whose first statement is labelled is not).  Returns the
   defer's id, in source order from 0.  */
int cd_defer (cd_func *f, cd_loc loc, cd_loc body_loc, bool empty,
	      bool starts_with_label);

/* Labels and jumps, each at its place in source order.  KEY is the
   backend's name for a label (the same key in its definition, its gotos
   and its address; a goto may come before the label).  LOC is where a
   diagnostic about it points: the label's name, the jump's keyword, the
   `&&`.  */
void cd_label (cd_func *f, const void *key, const char *name, cd_loc loc);
/* `case E:` or `default:`; its switch is the innermost CD_BLOCK_SWITCH.  */
void cd_case_label (cd_func *f, bool is_default, cd_loc loc);
void cd_label_address (cd_func *f, const void *key, cd_loc loc);  /* &&L */
void cd_goto (cd_func *f, const void *key, cd_loc loc);
/* `goto *E` (after the events of E).  */
void cd_computed_goto (cd_func *f, cd_loc loc);
/* asm goto: KEYS[0..N-1] are its labels (after the events of its
   operands).  */
void cd_asm_goto (cd_func *f, const void *const *keys, int n, cd_loc loc);
/* break, continue: the core finds their loop or switch.  */
void cd_break (cd_func *f, cd_loc loc);
void cd_continue (cd_func *f, cd_loc loc);
/* `return E;`, after the events of E.  */
void cd_return (cd_func *f, cd_loc loc);
/* GNU nested functions.  In a nested function: a goto to label
   LABEL_NAME of an enclosing function (declared with __label__).  In the
   function that holds the labels: where nested function FN_NAME, which
   jumps (or whose nested functions jump) to labels KEYS[0..N-1] of this
   function, is called or has its address taken.  */
void cd_nonlocal_goto (cd_func *f, const char *label_name, cd_loc loc);
void cd_nonlocal_entry (cd_func *f, const char *fn_name,
			const void *const *keys, int n, cd_loc loc);
/* A call of the function named NAME (after the events of its arguments).
   NAME: the callee when the call names a declared function (also
   `(exit) (0)`), else NULL.  RETURNS_TWICE: the callee is declared
   returns_twice (setjmp-like whatever its name).  The core keeps only the
   calls its rules care about (exit-like, longjmp-like, setjmp-like), so
   the backend may report every call.  */
void cd_call (cd_func *f, const char *name, bool returns_twice, cd_loc loc);

/* ---- values: variables and what happens to them ----
   (escaping-capture, address-escape, defer-before-check,
   released-value-escapes).  The backend reads expressions; it reports
   facts about named variables, and the core decides.  KEY is the
   backend's name for a variable (a VAR_DECL, a Var *).  */
enum cd_storage
{
  CD_AUTO,			/* automatic (also register) */
  CD_PARAM,			/* a parameter */
  CD_STATIC,			/* static storage duration: static, extern,
				   file scope */
  CD_NESTED_FUNCTION		/* a GNU nested function (on the stack) */
};
enum cd_var_flags
{
  CD_VAR_ARRAY = 1,
  CD_VAR_POINTER = 2,
  CD_VAR_VLA = 4
};
/* A declaration in the current block (parameters: in the function body
   block, before anything else).  */
void cd_var (cd_func *f, const void *key, const char *name, cd_loc loc,
	     enum cd_storage storage, unsigned flags);
/* A use of variable KEY (reads, writes, address taken).  UNEVALUATED: in
   the operand of sizeof/typeof/_Alignof that is not evaluated (a VLA's
   sizeof is evaluated).  */
void cd_use (cd_func *f, const void *key, cd_loc loc, bool unevaluated);

/* ---- running the rules ---- */
/* Run every rule; report through the callback.  Returns the number of
   errors reported (suppressed warnings do not count).  */
int cd_check (cd_func *f);
/* Does defer D need a flag (SPEC 3.7): can its scope be left without D
   having been reached?  (D stands in a block nested in its scope, or a
   label after it can be reached from before it.)  The lowering asks this
   after cd_check found no error.  */
bool cd_defer_needs_flag (cd_func *f, int defer);
/* Does the function call setjmp or the like (flags must be volatile)?  */
bool cd_calls_setjmp (cd_func *f);

/* A readable dump of the description to OUT (a FILE *), one event per
   line, without locations: two backends that describe the same program
   give the same dump (the parity of the readers, testable on its own).  */
void cd_dump (cd_func *f, void *out);

#ifdef __cplusplus
}
#endif
#endif
