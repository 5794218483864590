/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fe.h - the cdefer front end: shared data structures.

   The pipeline, one pass per file:
     lex.l      bytes -> token array (every token keeps its byte offset and
                its original file/line/col from the line markers)
     parse.y    tokens -> statement tree of each function (expressions are
                not built, only their token spans), with a scope chain of
                declared names (the lexer hack, identifier resolution)
     analyse.c  tree -> defers, registrations, jumps, labels, exits
     describe.c tree -> the description the rule engine (core/) reads
     values.c   token spans -> the facts about variables describe.c tells
     check.c    the core's diagnostics (SPEC section 4) and flag decisions
     lower.c    tree + input text -> plain C (portable lowering)
     diag.c     GCC-style diagnostics
     main.c     the command line: lower, check, cc

   One process handles any number of files, one translation unit at a
   time: everything built from a file lives in its Unit (below) and is
   freed with it, so nothing of one file reaches the next.  The options
   of the command line are in `opt`, the same for every unit.  */

#ifndef CDEFER_FE_H
#define CDEFER_FE_H

#include <stddef.h>
#include <stdio.h>
#include <stdbool.h>

#include "cdefer-core.h"

/* ---- memory ---- */
/* Zeroed arena memory: of the current unit (freed by unit_close), or,
   outside any unit, of the process.  Memory that must outlive a unit
   (the list of temporary files) is malloc'd.  */
void *xalloc (size_t n);
char *xstrndup (const char *s, size_t n);
#define NEW(T) ((T *) xalloc (sizeof (T)))

/* A growable array of pointers.  */
typedef struct Vec { void **v; int n, cap; } Vec;
void vec_push (Vec *a, void *p);

/* A growable byte buffer.  */
typedef struct Buf { char *s; size_t n, cap; } Buf;
void buf_add (Buf *b, const char *s, size_t n);
void buf_puts (Buf *b, const char *s);
void buf_read (Buf *b, FILE *f);        /* append all of F */
char *buf_keep (Buf *b);                /* B's text in the arena; B freed */
bool name_in (const char *s, const char *const *list);  /* NULL-ended */
void buf_printf (Buf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* A map from a pair of pointers to a non-NULL pointer (NULL: absent), in
   the arena: a map of the passes lives as long as the unit.  */
typedef struct Map { struct MapSlot *slot; size_t n, cap; } Map;
void *map_get (Map *m, const void *a, const void *b);
void map_put (Map *m, const void *a, const void *b, void *val);

/* ---- screen.c: can `cdefer cc` compile a file as it is? ---- */
/* NULL when SRC and every header it may include have no word that starts
   a construct; else why it must be lowered.  CCV: the compiler, ARGS:
   the user's options.  */
const char *screen_source (Vec *ccv, Vec *args, const char *src, bool tcc);
/* The path of program NAME as execvp finds it, or NULL.  */
char *find_program (const char *name);
/* A fact about compiler CCV (with options QARGS) that costs a process to
   learn, cached on disk under TAG: ASK computes it (NULL: none).  */
char *compiler_fact (Vec *ccv, Vec *qargs, const char *tag,
                     char *(*ask) (Vec *, Vec *, void *), void *arg);

/* ---- diagnostics catalogue ---- */
enum diag_id {
#define CDEFER_DIAG(NAME, ID, KIND, MSG) DIAG_##NAME,
#include "cdefer/diagnostics.def"
#undef CDEFER_DIAG
  DIAG_COUNT
};

/* ---- options: from the command line, the same for every unit ---- */
typedef struct Options {
  bool model_ts;          /* --model=ts: every block is a defer scope */
  bool exceptions;        /* -fexceptions: the compile unwinds */
  bool trace;             /* --trace: hooks into libcdefer (lower.c) */
  bool keywords_reserved; /* --keywords=reserved: only _Defer, _Scope */
  bool dump_core;         /* --dump-core: print the core's description */
  bool parseable_fixits;  /* -fdiagnostics-parseable-fixits */
  bool json;              /* --diagnostics-format=json */
  bool parse_all;         /* parse every function body (cdefer migrate's
                             goto-cleanup reads bodies without defers) */
  bool no_warn[DIAG_COUNT], werror[DIAG_COUNT];  /* -Wno-, -Werror=cdefer-ID */
  bool no_werror[DIAG_COUNT];   /* -Wno-error=cdefer-ID */
  bool werror_all;        /* -Werror: every warning an error, as GCC's */
  bool no_warnings;       /* -w: no warnings (errors stay) */
} Options;
extern Options opt;

/* ---- symbols: one per distinct identifier spelling ---- */
typedef struct Binding Binding;
typedef struct Sym {
  const char *name;
  int len;
  int kw;                 /* keyword token code, or 0 */
  Binding *bind;          /* innermost visible ordinary-name binding */
  unsigned long long retains; /* __attribute__((cdefer_retains(N))):
                                 bit N-1 (a function name) */
  unsigned long long releases; /* __attribute__((cdefer_releases(N))):
                                  bit N-1 */
  bool null_ok;           /* __attribute__((cdefer_null_ok)) */
  struct Sym *next;       /* hash chain */
} Sym;
Sym *intern (const char *s, int len);

/* ---- tokens ---- */
typedef struct Token {
  int kind;               /* bison token code (or the char of a punctuator) */
  unsigned off, len;      /* bytes in the input */
  int line, col;          /* original position (line markers honoured) */
  int file;               /* index into input.files */
  Sym *sym;               /* identifiers and keywords */
  int cleanup;            /* token index of a cleanup(F) attribute's F that
                             was swallowed just before this token, or 0 */
  short omp;              /* follows #pragma omp: the constructs it opens,
                             outermost first, 2 bits each (OMP_*) */
  short ignore;           /* follows #pragma cdefer ignore "ID": ID + 1 */
} Token;

enum { OMP_REGION = 1, OMP_LOOP = 2 };   /* Token.omp, 2 bits each */
/* The Ith construct (from 0, outermost first) of Token.omp CODE, or 0.  */
static inline int omp_construct (int code, int i) { return code >> (2 * i) & 3; }
static inline int omp_count (int code)
{
  int n = 0;
  while (omp_construct (code, n))
    n++;
  return n;
}
/* The innermost construct of CODE (the one the statement belongs to).  */
static inline int omp_innermost (int code)
{
  return code ? omp_construct (code, omp_count (code) - 1) : 0;
}

/* One translation unit: the input and everything the passes build from
   it.  unit_open makes a new one current (`unit`); unit_close frees it
   whole (its arena, its symbols, its tokens), so the next file starts as
   if in a new process.  The passes keep nothing of a unit: the scanner,
   the parser and the lowering start their state anew when they start;
   the caches of analyse.c and the diagnostics' state are
   dropped by unit_close (their *_end_unit).  */
struct Arena;
typedef struct Unit {
  const char *path;       /* what the user named */
  char *text;             /* the bytes (NUL-terminated, 2 spare NULs) */
  size_t size;
  Token *tok;             /* tokens, ending with a kind-0 sentinel */
  int ntok;
  const char **files;     /* file names from line markers */
  int nfiles;
  int npragma_ignores;    /* #pragma cdefer ignore seen */
  Vec functions;          /* Func *, every function definition in order */
  Vec cdefer_attrs;       /* first and last token (intptr_t pairs) of each
                             cdefer_retains(N) / cdefer_null_ok attribute:
                             the lowering removes them */
  int errors, warnings;   /* diagnostics reported */
  struct Arena *arena;    /* where xalloc allocates while it is current */
  Sym **symtab;           /* intern's hash table */
} Unit;
extern Unit *unit;        /* the current unit, or NULL */
Unit *unit_open (const char *path);
void unit_close (void);

int lex_input (void);     /* fills unit->tok; returns number of errors */

/* ---- the statement tree ---- */
typedef enum {
  N_FUNC, N_BLOCK, N_EXPR, N_DECL, N_NULL,
  N_IF, N_SWITCH, N_WHILE, N_DO, N_FOR,
  N_GOTO, N_CGOTO, N_BREAK, N_CONTINUE, N_RETURN, N_ASM,
  N_LABEL, N_CASE, N_DEFAULT,
  N_DEFER, N_SCOPE, N_PROTO
} NodeKind;

typedef struct Var Var;
typedef struct Func Func;
typedef struct Node Node;

struct Node {
  NodeKind kind;
  int first, last;        /* token span, inclusive */
  Node *up;               /* enclosing scope node while parsing */
  Node *parent;           /* enclosing node in the tree */
  Vec kids;               /* every child node, in source order */
  Node *body, *els;       /* structured children */
  int e1, e2;             /* an expression span (condition, return value) */
  bool stmtexpr;          /* N_BLOCK: body of ({ ... }) */
  bool value_unused;      /* stmt expr used as a whole expression statement */
  bool is_body;           /* N_BLOCK: the direct body of FUNC/SCOPE/DEFER */
  bool omp;               /* N_BLOCK: an OpenMP structured block */
  Sym *label;             /* LABEL, GOTO: the label name */
  Vec vars;               /* DECL: the variables declared (Var *) */
  Vec asm_labels;         /* ASM goto: label token indices (as intptr) */
  Func *func;             /* FUNC */
  /* analysis */
  Node *owner;            /* DEFER, cleanup DECL: the scope it registers in */
  Node *target;           /* GOTO: label; BREAK/CONTINUE: loop/switch;
                             CASE/DEFAULT: the switch */
  Vec regs;               /* canonical scope: registrations in order */
  int sid;                /* scope: its number (__cdefer_dN, __cdefer_xN_K,
                             __cdefer_vN); a deferred body is both a
                             scope and a registration: separate numbers */
  int id;                 /* registration: its number (__cdefer_fN, gnu
                             __cdefer_fnN); label: its index in the
                             function's labels */
  bool flag;              /* registration: needs a flag (a defer: the
                             core's decision; a cleanup variable: the
                             lowering's, analyse.c) */
  int core_id;            /* DEFER: its id in the core's description */
  Var *flag_var;          /* DEFER with a flag: the user's variable that
                             serves as the flag (cd_defer_flag_var) */
  bool has_jumps;         /* scope: some jump goes through its exit */
  Vec dispatch;           /* scope: Exit * that pass through it */
  struct Exit *exit;      /* jump: its rewrite, when it needs one */
  bool address_taken;     /* LABEL */
  Vec aliases;            /* DEFER: Var * reached through a pointer */
  Vec hoists;             /* gnu lowering: defers declared before this */
  bool hoisted_to_switch; /* gnu lowering, switch (e) scope { } body: a
                             defer of it is declared before the switch */
  bool immediate;         /* DEFER, model ts: the whole (braceless) body of
                             an if/else/loop/switch: its block ends at once,
                             so the body runs where it stands */
  bool has_partial;       /* scope: a backward goto (model ts) leaves part
                             of it */
  signed char has_vla;    /* block: declares a VLA (0 unknown, 1, -1) */
};

/* What kind of ordinary identifier a binding is.  */
enum { B_OBJ, B_TYPEDEF, B_FUNC, B_ENUM };

struct Var {
  Sym *sym;
  int tok;                /* the declarator's name token */
  int kind;               /* B_* */
  bool is_static, is_extern, is_param, is_vla, file_scope;
  Node *block;            /* scope node it was declared in */
  Node *decl;             /* the N_DECL node, once built */
  int cleanup;            /* token of the cleanup function name, or 0 */
  int ds_first, ds_last;  /* its declaration specifiers */
  int d_first, d_last;    /* its declarator */
  long long value;        /* B_ENUM */
  bool has_value;
  int alias;              /* lowering: number of its __cdefer_p alias */
};

struct Binding {
  Var *var;
  Binding *shadowed;      /* the previous binding of the same name */
  Binding *next_in_scope;
};

typedef struct Use { int tok; Var *var; } Use;
typedef struct Span { int first, last; } Span;
typedef struct Call { int first, last, rparen; } Call;  /* callee span, ')' */

struct Func {
  Node *node;             /* N_FUNC: body is the function body block */
  int ds_first, ds_last;  /* declaration specifiers */
  int name, lp, rp;       /* the name token and its parameter list parens */
  int decl_last;          /* last token of the declarator */
  bool void_return;
  Vec uses;               /* Use *: identifier uses (expressions) */
  Vec unevaluated;        /* Span *: sizeof/typeof/... operands */
  Vec addr_labels;        /* token indices of &&label names */
  Vec calls;              /* Call *: function calls, innermost first */
  bool calls_setjmp;
  Func *outer;            /* enclosing function (GNU nested functions) */
  Var *self;              /* its name (a nested function: a local) */
  Vec params;             /* Var *: its parameters */
  bool has_constructs;    /* defer, scope or a cleanup variable inside */
  bool lower_inside;      /* it or a nested function needs lowering */
  /* analysis */
  Vec defers, jumps, labels, cases, scopes, cleanups;
  int nexits;
  bool needs_lowering;
};

/* One rewritten exit: a jump (or the return temporary) that leaves scopes
   with registrations; it goes through each scope of CHAIN in order.  */
typedef struct Exit {
  Node *jump;
  int code;
  Vec chain;              /* Node *: canonical scopes, innermost first */
  int entry[16];          /* per chain scope: the last registration that
                             may be registered (bodies after it are
                             skipped, as in hand-written cleanup code) */
  bool partial;           /* model ts, backward goto: the last scope of
                             CHAIN is left only down to registration STOP
                             (those after the label), then `goto label` */
  int stop;
} Exit;

int parse_input (void);   /* returns number of syntax errors */

/* ---- diagnostics ---- */
void json_string (FILE *f, const char *s);   /* S quoted for JSON */
void diag_error_loc (const char *file, int line, int col, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));
const char *diag_id_name (int id);
int diag_lookup (const char *id);
bool diag (int id, int tok, const char *arg);         /* false if suppressed */
void diag_note (int tok, const char *fmt, ...);
void diag_fixit_insert (int tok, const char *text);   /* before token */
void diag_fixit_insert_after (int tok, const char *text);
void diag_fixit_move_line (int first, int last, int after);
void diag_error_at (int tok, const char *fmt, ...);   /* plain error */
void diag_error_after (int tok, const char *fmt, ...);
void diag_ignore (int first, int last, int id);
int diag_column (int tok);      /* the byte column diagnostics use */
void diag_end_unit (void);      /* print the unit's JSON array; forget it */
/* When set, diagnostics go here instead of stderr (KIND: "error",
   "warning", "note"; LINE 0: no location): cdefer migrate checks the
   code it writes with the front end's own diagnostics.  */
extern void (*diag_sink) (const char *kind, const char *file, int line,
                          const char *msg);
void diag_finish (void);        /* at exit: JSON wants an array in any case */

/* ---- passes ---- */
bool is_defer_scope (Node *n);
bool is_ancestor (Node *a, Node *n);
Node *scope_block (Node *s);
int reg_pos (Node *r);
int last_reg_before (Node *s, int pos);
int first_use_from (Func *f, int tok);
bool const_eval (int first, int last, Func *f, long long *v);
bool typedef_is_integer (int tok);     /* ice.c: a file-scope typedef */
void analyse_function (Func *f);
void analyse_end_unit (void);           /* forget the unit's caches */
Node *label_named (Func *f, Sym *s);    /* F's label S, or NULL */
bool asm_goto_labels (Func *f, Node *j, Vec *out);
Node *nonlocal_label (Func *f, Node *j); /* goto J leaves F to this label */
Vec *nonlocal_targets_of_use (Func *f, Use *u);
void check_function (Func *f);
/* describe.c: F told to the rule engine (after analyse_function).  */
cd_func *describe_function (Func *f, cd_report_fn report, void *backend);
void dump_functions (FILE *out);         /* --dump-core */

/* values.c: the facts about variables that describe.c tells the core.
   Expression facts come with their place in token order (TOK, then SUB,
   then TIE).  */
enum { VE_USE, VE_ASSIGN, VE_ARG, VE_TEST };
typedef struct ValueEvent {
  int kind, tok, sub, tie, loc;
  Var *var;                   /* USE, TEST */
  enum cd_use_kind how;       /* USE */
  struct cd_expr lhs, value;  /* ASSIGN; ARG: the argument */
  Sym *fn;                    /* ARG: the callee */
  int index;                  /* ARG */
  bool failure;               /* TEST: a test for failure */
  bool zero;                  /* TEST: exactly `!v` or `v == 0` */
  int end;                    /* TEST: the if statement's last token */
} ValueEvent;
/* UNEVALUATED: one byte per token of F, set in sizeof/typeof operands.  */
Vec value_events (Func *f, const char *unevaluated);  /* ValueEvent * */
void tell_value_event (cd_func *cd, ValueEvent *e);
/* F's own variables by the scope node they belong to: (node, NULL) ->
   Vec of Var *.  */
void declared_vars (Func *f, Map *by_block);
void describe_vars_of (cd_func *cd, Map *by_block, Node *block);
void describe_return_value (cd_func *cd, Func *f, Node *ret);
void describe_deferred_call (cd_func *cd, Func *f, Node *defer, int id);
Node *pending_registration (Func *f, int tok);  /* registered before TOK
                                                   in a scope around it */
int lower_output (FILE *out, bool gnu);   /* returns errors */
int cmd_trace_report (int argc, char **argv);   /* trace-report.c */
int cmd_migrate (int argc, char **argv);        /* migrate.c */
int cmd_compdb (int argc, char **argv);         /* compdb.c */
void print_version (void);                      /* main.c */

/* ---- main.c: what the commands share ---- */
/* The command line of lower, check and migrate.  */
typedef struct Opts {
  const char *cc;
  const char *out;
  bool preprocessed, gnu;
  Vec cpp_args;             /* -D -U -I ... for preprocessing */
  Vec files;
} Opts;
int usage_error (const char *fmt, const char *arg);     /* 2 */
/* The options of lower and check; 0, or the exit status of a usage
   error.  --help prints HELP and exits.  */
int parse_opts (int argc, char **argv, Opts *o, const char *help,
                bool is_lower);
/* O->cc -E FILE (the model's macros, O->cpp_args) into OUT: 0, 1 (the
   preprocessor failed) or 2.  */
int preprocess (Opts *o, const char *file, const char *out);
/* The directory of cdefer's <stddefer.h> (model ts), or NULL.  */
const char *ts_include_dir (void);
/* A path in the private temporary directory, removed at exit.  */
const char *temp_path (const char *name);
/* FILE (preprocessed first unless it is a .i) into the current unit:
   0, 1 or 2.  */
int load (Opts *o, const char *file);
/* Lex, parse, analyse and check the current unit: 0, or 1 on errors.  */
int front (void);
/* An output file that is never half written: open_output writes to a
   temporary next to PATH ("-": standard output) that close_output
   renames into place when OK (else removes).  */
typedef struct Output {
  const char *path;
  FILE *fp;
  int dirfd;                    /* the directory of PATH, or -1 */
  const char *base;             /* PATH's last component */
  struct Temp *temp;            /* the temporary next to it, or NULL */
} Output;
bool open_output (const char *path, Output *o);
int close_output (Output *o, bool ok);      /* 0, or 2 after an error */

/* token helpers */
static inline Token *T (int i) { return &unit->tok[i]; }
const char *tok_text (int i);            /* NUL-terminated copy */
bool tok_is (int i, const char *s);

#endif
