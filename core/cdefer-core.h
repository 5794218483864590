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

/* ---- integer constant expressions (core/ice.c) ----
   `do { } while (E)` is not a loop for defer-in-loop only when E is an
   integer constant expression (C11 6.6p6) equal to 0.  Compilers fold
   `0 && x` or `(void *) 0` to 0 too, so a backend that has only folded
   trees asks about E's source text.  NAME_KIND tells what an identifier
   of the text names; the value is the backend's to know.  */
enum cd_name_kind
{
  CD_NAME_UNKNOWN,		/* a macro, or not found: no answer */
  CD_NAME_ENUMERATOR,
  CD_NAME_INT_TYPE,		/* a typedef of an integer or enum type */
  CD_NAME_OTHER_TYPE,		/* a typedef of any other type */
  CD_NAME_OBJECT		/* a variable, parameter or function */
};
typedef enum cd_name_kind (*cd_name_kind_fn) (void *ctx, const char *name,
					      size_t len);
enum cd_ice { CD_ICE_NO, CD_ICE_YES, CD_ICE_UNKNOWN };
enum cd_ice cd_text_is_ice (const char *text, cd_name_kind_fn name_kind,
			    void *ctx);

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
     construct), the compound statement's braces or around any other
     statement; the constructs that have one are those GCC gives a tree
     of its own with a body (parallel, task, single, critical, section,
     master, teams, target, taskgroup, ordered); a combined directive
     opens one block per construct, outermost first, as GCC nests them
     (`parallel for simd`: CD_BLOCK_OMP, CD_BLOCK_LOOP, then the loop);
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
   backend's name for a variable (a VAR_DECL, a Var *).  A key that is
   never declared with cd_var in this function is a variable of static
   storage duration or of an enclosing function: it outlives the frame.

   The reader classifies each expression it reports into a struct
   cd_expr.  First it strips casts, parentheses and comma operators (the
   value of `(a, b)` is b's); then it takes the first rule that fits:

     CD_EXPR_VAR      `v`: the value of variable v, or `v + E` / `v - E`
                      (pointer arithmetic keeps the pointer's origin; the
                      front end cannot tell types, so any + or - after
                      the operand counts).  BARE: the variable's name
                      alone, perhaps in parentheses (an lvalue:
                      `cdefer_take (...)` may wrap it).
     CD_EXPR_ADDRESS  the address of v's own storage: `&v`, `&v.m`,
                      `&v[i]` and `&v.a[i].b` (no pointer followed), an
                      array v used as a value (it decays), the name of a
                      GNU nested function v, or any of those plus or
                      minus something.
     CD_EXPR_MEMBER   a value read from (as an lvalue: the storage of)
                      v's own object: `v.m`, `v[i]` for an array v,
                      `v.a[i].b`.
     CD_EXPR_DEREF    memory reached through a pointer, v being the
                      variable the postfix chain starts from: `*v`,
                      `v->m`, `v[i]` for a pointer v, `v.p->m`,
                      `*(v + n)`, and the address of any of those
                      (`&v->m`).
     (MEMBER and DEREF, too, may be followed by + or - something.)
     CD_EXPR_CALL     the result of a function call.
     CD_EXPR_CONST    an integer constant expression (a null pointer
                      constant too); VALUE is its value.
     CD_EXPR_OTHER    anything else (VAR is NULL).  */
enum cd_expr_kind
{
  CD_EXPR_OTHER,
  CD_EXPR_VAR,
  CD_EXPR_ADDRESS,
  CD_EXPR_MEMBER,
  CD_EXPR_DEREF,
  CD_EXPR_CALL,
  CD_EXPR_CONST
};
struct cd_expr
{
  enum cd_expr_kind kind;
  const void *var;		/* VAR, ADDRESS, MEMBER, DEREF */
  long long value;		/* CONST */
  bool bare;			/* VAR: the variable's name alone */
};

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
  CD_VAR_POINTER = 2,		/* informative: no rule needs it, and cd_dump
				   leaves it out (the front end cannot tell a
				   typedef'd pointer type) */
  CD_VAR_VLA = 4
};
/* A declaration in the current block (parameters: in the function body
   block, before anything else).  Only its block matters to the rules,
   not its place in it: a reader may declare a block's variables where the
   block opens.  Nested functions are declared too (CD_NESTED_FUNCTION).  */
void cd_var (cd_func *f, const void *key, const char *name, cd_loc loc,
	     enum cd_storage storage, unsigned flags);

/* A mention of variable KEY, declared in this function (cd_var), in an
   evaluated expression, in source order: read, written or address
   taken.  The operands of sizeof, typeof and _Alignof are not evaluated
   and not reported (GCC has folded them away), except `sizeof v` of a
   variable-length array v, which is evaluated (C11 6.5.3.4p2).
   CD_USE_ADDRESS: the mention is the operand of `&`, alone or followed by
   `.m` / `[i]` on an array (v's own storage, no pointer followed): after
   it, v may change behind the core's back.  The name of a nested
   function is a CD_USE_READ (as a value it is its address anyway).
   CD_USE_UNEVALUATED is for the unit tests' readers that do report
   such mentions: the rules ignore them.  */
enum cd_use_kind
{
  CD_USE_READ,
  CD_USE_ADDRESS,
  CD_USE_UNEVALUATED
};
void cd_use (cd_func *f, const void *key, cd_loc loc, enum cd_use_kind how);

/* An assignment `LHS = VALUE`, a declaration's initializer `T v = VALUE`
   (LHS: v, bare; an initializer in braces is CD_EXPR_OTHER), a compound
   assignment `LHS += E` / `LHS -= E` (VALUE: LHS's classification, not
   bare: it is `LHS = LHS + E`), any other `LHS op= E`, `LHS++`, `--LHS`
   (VALUE: CD_EXPR_OTHER); after the uses of its operands (LHS is
   mentioned once).  Assignments whose left side is CD_EXPR_OTHER are not
   reported.  LOC: the assignment operator (for an initializer, the
   declarator's name).  */
void cd_assign (cd_func *f, struct cd_expr lhs, struct cd_expr value,
		cd_loc loc);

/* Argument INDEX (0-based) of a call of the function named FN (a call
   through a pointer is not reported) is ARG; after the uses in the
   arguments.  Arguments that are CD_EXPR_OTHER, CONST or CALL are left
   out (by the core if the reader does not).  FLAGS
   tell what the callee's declaration says about this parameter.  LOC:
   the call.  */
enum cd_arg_flags
{
  CD_ARG_RETAINED = 1,		/* __attribute__((cdefer_retains(INDEX+1))) */
  CD_ARG_RELEASED = 2		/* __attribute__((cdefer_releases(INDEX+1))) */
};
void cd_arg (cd_func *f, const char *fn, int index, struct cd_expr arg,
	     unsigned flags, cd_loc loc);

/* `return E;` at LOC (the location cd_return got) returns E; after the
   uses in E.  AT..END: the backend's handles of E's first and last token,
   for CD_FIX_TAKE.  */
void cd_return_value (cd_func *f, cd_loc loc, struct cd_expr e, cd_loc at,
		      cd_loc end);

/* The condition of an `if` statement (not of a loop or of `?:`) mentions
   variable KEY (declared in this function): one call per variable it
   mentions, in the order of their first mention, after the uses in the
   condition and before the arms.  FAILURE: the condition tests KEY for
   failure: after stripping parentheses and casts it is `!v`, `v == C` or
   `C == v` with C a null pointer constant, 0 or -1, `v < 0`, `0 > v`,
   `v <= -1`, `-1 >= v`, or `A || B` where A or B is one of those.
   LOC: where the note points (the condition's '(' or first token); END:
   the backend's handle of the end of the whole `if` statement, for
   CD_FIX_MOVE_AFTER.  */
void cd_test (cd_func *f, const void *key, bool failure, cd_loc loc,
	      cd_loc end);
/* The condition of the `if` just reported with cd_test is exactly KEY
   compared with zero: `!v`, `v == C` or `C == v` with C a null pointer
   constant or 0, after stripping parentheses and casts (a reader may
   leave this out: it only lets the lowering use v as a flag).  */
void cd_test_zero (cd_func *f);

/* The body of defer DEFER is one call and nothing else: `FN (ARGS);`,
   perhaps cast to void, perhaps in braces, or, CONDITIONAL, that call as
   the only statement of `if (COND)` without else.  COND_VAR..: COND,
   stripped of parentheses, is `x`, `!x`, `x == K`, `x != K`, `K == x` or
   `K != x` for a variable x and an integer constant expression K: it
   holds when (x == COND_VALUE) == COND_EQUAL (`!x`: x == 0; `x`: not
   x == 0).  COND_VAR NULL: another condition.  Call it any time before
   cd_check.  */
struct cd_deferred_call
{
  const char *fn;		/* NULL: a call through a pointer */
  int nargs;
  const struct cd_expr *args;	/* copied; only CD_EXPR_VAR, ADDRESS,
				   MEMBER and DEREF are kept */
  uint64_t releases;		/* bit I: cdefer_releases(I+1) */
  bool null_ok;			/* cdefer_null_ok, or GCC's built-in free */
  bool conditional;
  const void *cond_var;
  bool cond_equal;
  long long cond_value;
};
void cd_defer_call (cd_func *f, int defer, const struct cd_deferred_call *c);

/* ---- `#pragma cdefer ignore "ID"` ----
   The pragma (or _Pragma) applies to the whole statement after it (SPEC
   4).  The backend reads the pragma and knows where that statement
   starts; it calls cd_ignore just before describing the statement and
   cd_ignore_end just after its last event (they nest).  The core then
   reports no diagnostic ID about an event of that statement: one whose
   location is the location of an event (or a block) described between
   the two calls.  */
void cd_ignore (cd_func *f, enum cd_diag_id id);
void cd_ignore_end (cd_func *f);

/* ---- running the rules ---- */
/* Run every rule; report through the callback.  Returns the number of
   errors reported (suppressed warnings do not count).  */
int cd_check (cd_func *f);
/* Does defer D need a flag (SPEC 3.7): can its scope be left without D
   having been reached?  (D stands in a block nested in its scope, or a
   label after it can be reached from before it.)  The lowering asks this
   after cd_check found no error.  */
bool cd_defer_needs_flag (cd_func *f, int defer);
/* When D needs a flag: a variable of the function that already says
   whether D was reached, at every exit of D's scope that tests the flag
   (D was reached iff the variable is nonzero), or NULL.  The lowering then
   tests the variable instead of a flag of its own, so that the compiler
   sees one value where the program has one (a conditional defer then
   costs what the hand-written `if (v) release (v)` does).  The pattern:

       T v = 0;                       (in D's scope, not in a nested block)
       ...
       if (c) {                       (any ifs and blocks, no loop/switch)
           v = E;
           if (!v) JUMP;              (return, goto, break or continue)
           defer ...;
       }

   where v is an automatic non-array variable assigned nowhere else
   (also not in a deferred body), whose address is never taken, no label
   or case label lies between its initializer and D, and a jump to a
   label after D comes only from between its initializer and the end of
   D's scope.  Model go only, not in a function that calls setjmp or
   defines a nested function.  */
const void *cd_defer_flag_var (cd_func *f, int defer);
/* Does the function call setjmp or the like (flags must be volatile)?  */
bool cd_calls_setjmp (cd_func *f);
/* After cd_check: was defer-in-loop reported for defer D?  (The rules
   about D's variables stay quiet then: the fix-it cures both.)  */
bool cd_defer_in_loop (cd_func *f, int defer);

/* ---- questions about a description (tools that rewrite code) ----
   Blocks are numbered as cd_open_block returned them, defers as cd_defer
   did.  Ask after the description is complete.  */
struct cd_block_info
{
  enum cd_block_kind kind;
  enum cd_block_role role;
  int parent;			/* -1: the function body */
  cd_loc loc, end;
};
int cd_block_count (cd_func *f);
void cd_block_info (cd_func *f, int b, struct cd_block_info *out);
/* Is block B a defer scope in MODEL (F's own model or the other one)?  */
bool cd_block_is_defer_scope (cd_func *f, int b, enum cd_model model);
/* Is block B inside block OUTER (or OUTER itself)?  */
bool cd_block_within (cd_func *f, int outer, int b);
int cd_defer_count (cd_func *f);
/* The innermost block around defer DEFER; the defer scope it registers
   with in F's model; where it is (the `defer` keyword).  */
int cd_defer_block (cd_func *f, int defer);
int cd_defer_owner (cd_func *f, int defer);
cd_loc cd_defer_loc (cd_func *f, int defer);

/* A readable dump of the description to OUT (a FILE *), one event per
   line, without locations: two backends that describe the same program
   give the same dump (the parity of the readers, testable on its own).  */
void cd_dump (cd_func *f, void *out);

#ifdef __cplusplus
}
#endif
#endif
