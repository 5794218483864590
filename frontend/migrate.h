/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migrate.h - cdefer migrate: what its files share.

     srcmap.c          where each preprocessed token is in the original
     migrate.c         the command: files, rules, checking the result,
                       the diff, --write
     migrate-rules.c   loops, ts-to-go, cleanup-attr
     migrate-goto.c    goto-cleanup

   A rule never edits text itself: it asks for edits of the original
   file (byte ranges and their new text) or refuses with a reason.  */
#ifndef CDEFER_MIGRATE_H
#define CDEFER_MIGRATE_H

#include "fe.h"

/* ---- srcmap.c ---- */
void srcmap_build (const char *path, const char *text, size_t size,
                   const char *macros);
void srcmap_free (void);
int srcmap_macro_kind (const char *name);    /* 0, 1 object, 2 function */
/* The bytes of token TOK in the original file, when it is surely there.  */
bool src_tok (int tok, unsigned *start, unsigned *end);
/* Where text inserted just before (AFTER: just after) token TOK lands:
   the token itself, or the macro invocation its expansion starts (ends)
   with.  */
bool src_insert_point (int tok, bool after, unsigned *off);
/* Is a line of L1..L2 part of a preprocessing directive?  */
bool src_has_directive (int l1, int l2);
/* Lines L1..L2 were matched token by token and hold no directive.  */
bool src_lines_ok (int l1, int l2);
/* The macro invocation whose expansion holds token TOK.  */
typedef struct SrcGroup {
  unsigned start, end;    /* the invocation in the original */
  int pfirst, plast;      /* its expansion; pfirst -2: not known */
  unsigned name_len;
} SrcGroup;
bool src_group (int tok, SrcGroup *g);
bool src_is_main (int tok);

/* ---- migrate.c: the rules' services ---- */
enum rule { RULE_LOOPS, RULE_TS_TO_GO, RULE_CLEANUP_ATTR, RULE_GOTO_CLEANUP,
            RULE_COUNT };
extern const char *const rule_names[RULE_COUNT];

typedef struct Migration Migration;
/* An edit of the original: bytes [START, END) become TEXT.  The edits of
   one function stand or fall together (the result is checked per
   function).  Returns false (nothing recorded) when it overlaps another
   edit.  */
bool mig_edit (Migration *m, enum rule r, unsigned start, unsigned end,
               const char *text, int line, const char *why);
/* Edits made since MARK are undone by mig_rollback (a change of several
   edits that cannot be made whole).  */
int mig_mark (Migration *m);
void mig_rollback (Migration *m, int mark);
/* `file:line: note: not migrated: REASON` (printf-style).  */
void mig_refuse (Migration *m, enum rule r, int line, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));
/* The original text.  */
const char *mig_text (Migration *m, size_t *size);
/* The target model is ts.  */
bool mig_target_ts (Migration *m);
/* The spelling of the keywords to write: "scope"/"defer", or _Scope and
   _Defer where the plain words are taken (a macro, a name in the file,
   --keywords=reserved).  */
const char *mig_scope_word (Migration *m);
const char *mig_defer_word (Migration *m);
/* The function being migrated (for mig_edit's grouping).  */
void mig_begin_function (Migration *m, Func *f);

/* ---- the rules ---- */
void rule_loops (Migration *m, Func *f, cd_func *go);
void rule_ts_to_go (Migration *m, Func *f, cd_func *ts);
void rule_cleanup_attr (Migration *m, Func *f, cd_func *target);
void rule_goto_cleanup (Migration *m, Func *f);

/* Helpers the rules share (migrate-rules.c).  */
/* The core's block for node N (a compound statement, a scope, a
   function body), or -1.  */
int core_block_of (cd_func *cd, Node *n);
/* Make block B of CD a defer scope: `scope ` before its '{', or `scope { `
   ... ` }` around a statement.  False (after refusing) when it cannot.  */
bool make_scope (Migration *m, enum rule r, cd_func *cd, int b,
                 const char *why);
/* Line of token TOK.  */
static inline int tok_line (int tok) { return unit->tok[tok].line; }

#endif
