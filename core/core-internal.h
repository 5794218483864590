/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-internal.h - the description of one function, as the core keeps
   it.  The builder (func.c) fills it; the rules (one file per family)
   read it.  Everything is an index into an array of F, so the record can
   be dumped, compared and freed in one piece.  */
#ifndef CDEFER_CORE_INTERNAL_H
#define CDEFER_CORE_INTERNAL_H

#include "cdefer-core.h"

/* A growable array of fixed-size elements.  */
struct cd_array
{
  void *v;
  int n, cap;
  size_t size;
};
void *cd_array_push (struct cd_array *a);	/* zeroed new element */
#define CD_AT(arr, type, i) (((type *) (arr).v)[i])

/* A map from a backend's key (a pointer) to an index.  */
struct cd_keymap
{
  const void **keys;
  int *vals;
  size_t cap, n;
};
int cd_keymap_get (struct cd_keymap *m, const void *key);	/* -1 absent */
void cd_keymap_put (struct cd_keymap *m, const void *key, int val);

struct cd_block
{
  enum cd_block_kind kind;
  enum cd_block_role role;
  int parent;			/* -1 for the function body */
  int depth;
  cd_loc loc, end;
  int first_pos, last_pos;	/* positions of its opening and closing */
  int defer;			/* CD_BLOCK_DEFER: its defer; else -1 */
  bool once;			/* CD_BLOCK_LOOP: do { } while (0) */
  bool fixit_given;		/* CD_BLOCK_LOOP: defer-in-loop offered its
				   fix-it already (one per loop) */
};

/* One event: something at a position in a block.  */
enum cd_event_kind
{
  CD_EV_DEFER,
  CD_EV_LABEL,
  CD_EV_CASE,
  CD_EV_LABEL_ADDRESS,
  CD_EV_GOTO,
  CD_EV_COMPUTED_GOTO,
  CD_EV_ASM_GOTO,
  CD_EV_BREAK,
  CD_EV_CONTINUE,
  CD_EV_RETURN,
  CD_EV_NONLOCAL_GOTO,
  CD_EV_NONLOCAL_ENTRY,
  CD_EV_CALL,
  CD_EV_VAR,
  CD_EV_USE,
  CD_EV_ASSIGN,
  CD_EV_ARG,
  CD_EV_RETURN_VALUE,
  CD_EV_TEST
};

struct cd_event
{
  enum cd_event_kind kind;
  int pos;
  int block;			/* innermost block around it */
  cd_loc loc;
  int ref;			/* DEFER: its record; LABEL, LABEL_ADDRESS,
				   GOTO: the label; VAR, USE: the variable;
				   CASE: the switch block; BREAK, CONTINUE:
				   the loop or switch block it leaves, -1 if
				   none; CALL: its enum cd_call_class;
				   ASM_GOTO, NONLOCAL_ENTRY: first index in
				   F->targets */
  int nref;			/* ASM_GOTO, NONLOCAL_ENTRY: number of
				   targets */
  const char *name;		/* CALL, NONLOCAL_GOTO, NONLOCAL_ENTRY: the
				   name */
  bool flag;			/* CASE: default */
  int value;			/* USE: enum cd_use_kind; ASSIGN, ARG,
				   RETURN_VALUE, TEST: its record in
				   F->values */
};

struct cd_defer_rec
{
  int event;			/* its CD_EV_DEFER */
  int body;			/* its CD_BLOCK_DEFER block */
  int owner;			/* the defer scope it registers with */
  cd_loc loc, body_loc;
  bool empty, starts_with_label;
  bool in_loop;			/* defer-in-loop was reported for it: other
				   rules about its variables stay quiet (the
				   fix-it cures both) */
};

struct cd_label_rec
{
  const void *key;
  const char *name;
  int event;			/* its CD_EV_LABEL; -1 until defined */
  bool address_taken;		/* &&L somewhere in the function */
  bool nonlocal;		/* a nested function can jump to it */
};

struct cd_var_rec
{
  const void *key;
  const char *name;
  cd_loc loc;
  enum cd_storage storage;
  unsigned flags;
  int event;			/* its CD_EV_VAR; -1 if not declared in the
				   function (a global, an outer function's) */
};

/* An expression as the core keeps it: the variable as its id.  */
struct cd_xexpr
{
  enum cd_expr_kind kind;
  int var;			/* -1: none */
  long long value;
  bool bare;
};

/* The facts of a value event (values.c).  */
struct cd_value_rec
{
  struct cd_xexpr a;		/* ASSIGN: the left side; ARG: the
				   argument; RETURN_VALUE: the value */
  struct cd_xexpr b;		/* ASSIGN: the value */
  const char *fn;		/* ARG: the callee */
  int index;			/* ARG: the argument's index */
  unsigned flags;		/* ARG: enum cd_arg_flags */
  int var;			/* TEST: the variable */
  bool failure;			/* TEST */
  bool zero;			/* TEST: exactly `!v` or `v == 0` */
  cd_loc at, end;		/* RETURN_VALUE: the expression; TEST: END
				   is the if statement's end */
};

/* What the body of a defer calls (cd_defer_call).  */
struct cd_dcall_rec
{
  int defer;
  const char *fn;
  int nargs;
  struct cd_xexpr *args;
  uint64_t releases;
  bool null_ok, conditional;
  int cond_var;			/* -1: not a test of one variable */
  bool cond_equal;
  long long cond_value;
};

/* A `#pragma cdefer ignore` range: positions FIRST..LAST.  */
struct cd_ignore_rec
{
  enum cd_diag_id id;
  int first, last;
};

struct cd_func
{
  enum cd_model model;
  cd_report_fn report;
  void *backend;
  bool unwinds, calls_setjmp;
  int pos;			/* last position given out */
  int current;			/* innermost open block */
  struct cd_array blocks;	/* struct cd_block */
  struct cd_array events;	/* struct cd_event, in source order */
  struct cd_array defers;	/* struct cd_defer_rec */
  struct cd_array labels;	/* struct cd_label_rec */
  struct cd_array vars;		/* struct cd_var_rec */
  struct cd_array targets;	/* int: labels of asm gotos and
				   non-local entries */
  struct cd_array ignores;	/* struct cd_ignore_rec */
  struct cd_array open_ignores;	/* int: indices of the unclosed ones */
  struct cd_keymap label_ids, var_ids;
  int *label_src;		/* structure.c's label_sources, once asked */
  struct cd_flag_facts *flag_facts;	/* flagvar.c's, once asked */
  struct cd_array values;	/* struct cd_value_rec */
  struct cd_array dcalls;	/* struct cd_dcall_rec */
  char *derived;		/* values.c: per variable, derived from
				   outside the frame; NULL until known */
  char note_text[CD_MAX_NOTES][256];	/* the notes' texts while a
					   diagnostic is reported */
  int errors;
};

#define BLOCK(f, i) (&CD_AT ((f)->blocks, struct cd_block, i))
#define EVENT(f, i) (&CD_AT ((f)->events, struct cd_event, i))
#define DEFER(f, i) (&CD_AT ((f)->defers, struct cd_defer_rec, i))
#define LABEL(f, i) (&CD_AT ((f)->labels, struct cd_label_rec, i))
#define VAR(f, i) (&CD_AT ((f)->vars, struct cd_var_rec, i))

/* Is block B a defer scope in F's model?  */
bool cd_is_defer_scope (cd_func *f, int b);
/* The innermost defer scope around (or equal to) block B.  */
int cd_scope_of (cd_func *f, int b);
/* Is block A block B or one of its ancestors?  */
bool cd_block_contains (cd_func *f, int a, int b);
/* The label/variable record of KEY, made on first mention.  */
int cd_label_of (cd_func *f, const void *key);
int cd_var_of (cd_func *f, const void *key);
/* The label id at index I of F->targets (the labels of asm gotos and
   non-local entries).  */
#define TARGET(f, i) CD_AT ((f)->targets, int, i)
/* Report a diagnostic; counts errors.  */
bool cd_emit (cd_func *f, struct cd_diag *d);
/* The rules of each family, in the order cd_check runs them.  */
void cd_check_defer_structure (cd_func *f, int defer);
void cd_check_jumps (cd_func *f);
/* A new event of KIND at LOC, at the next position in the current
   block.  */
struct cd_event *cd_add_event (cd_func *f, enum cd_event_kind kind,
			       cd_loc loc);
/* The value rules (values.c): those about defer D's body, and
   released-value-escapes; and freeing what they keep.  */
void cd_check_defer_values (cd_func *f, int defer);
void cd_check_released_values (cd_func *f);
void cd_values_free (cd_func *f);
/* The earliest position a jump to each label comes from (structure.c).  */
const int *cd_label_sources (cd_func *f);
void cd_flag_facts_free (cd_func *f);

#endif
