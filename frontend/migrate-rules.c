/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migrate-rules.c - the rules loops, ts-to-go and cleanup-attr of cdefer
   migrate.  What is a defer scope, which loop a defer piles up in, which
   scope a defer registers with: the core says (core/query.c, and its
   defer-in-loop diagnostic with the fix-it); these rules only turn its
   answers into edits of the original text.  */

#include "migrate.h"
#include "parse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* F described to the core in model TS (or go), reporting to REPORT.  */
static cd_func *
describe_in (Func *f, bool ts, cd_report_fn report, void *ctx)
{
  bool saved = opt.model_ts;
  opt.model_ts = ts;
  cd_func *cd = describe_function (f, report, ctx);
  opt.model_ts = saved;
  return cd;
}

int
core_block_of (cd_func *cd, Node *n)
{
  if (n->kind == N_FUNC)
    return 0;
  if (n->kind == N_DEFER)       /* a deferred body is at its first token */
    {
      for (int d = 0; d < cd_defer_count (cd); d++)
        if ((int) cd_defer_loc (cd, d) == n->first)
          {
            for (int b = 0; b < cd_block_count (cd); b++)
              {
                struct cd_block_info k;
                cd_block_info (cd, b, &k);
                if (k.kind == CD_BLOCK_DEFER && k.parent == cd_defer_block (cd, d)
                    && n->body && (int) k.loc == n->body->first)
                  return b;
              }
          }
      return -1;
    }
  for (int b = 0; b < cd_block_count (cd); b++)
    {
      struct cd_block_info k;
      cd_block_info (cd, b, &k);
      if ((int) k.loc == n->first && k.kind != CD_BLOCK_LOOP
          && k.kind != CD_BLOCK_IF && k.kind != CD_BLOCK_SWITCH)
        return b;
    }
  return -1;
}

/* Is the byte before OFF white space (or the start)?  */
static bool
space_before (Migration *m, unsigned off)
{
  size_t size;
  const char *s = mig_text (m, &size);
  return off == 0 || s[off - 1] == ' ' || s[off - 1] == '\t'
         || s[off - 1] == '\n';
}

bool
make_scope (Migration *m, enum rule r, cd_func *cd, int b, const char *why)
{
  struct cd_block_info k;
  cd_block_info (cd, b, &k);
  int at = (int) k.loc, end = (int) k.end;
  unsigned s0, e1;
  char text[64];
  if (k.kind == CD_BLOCK_COMPOUND)
    {
      if (T (at)->kind != '{' || !src_insert_point (at, false, &s0))
        {
          mig_refuse (m, r, tok_line (at), "the block's '{' comes from a "
                      "macro expansion");
          return false;
        }
      /* Before a macro that expands to the '{', the contextual keyword
         would see the macro's name, not a '{' (the plugin reads it as a
         name): only _Scope is a keyword there.  */
      unsigned e0;
      const char *word = src_tok (at, &s0, &e0) ? mig_scope_word (m) : "_Scope";
      snprintf (text, sizeof text, "%s%s ", space_before (m, s0) ? "" : " ",
                word);
      if (!mig_edit (m, r, s0, s0, text, tok_line (at), why))
        {
          mig_refuse (m, r, tok_line (at), "another change is already there");
          return false;
        }
      return true;
    }
  if (k.kind == CD_BLOCK_STATEMENT)
    {
      if (!src_insert_point (at, false, &s0)
          || !src_insert_point (end, true, &e1))
        {
          mig_refuse (m, r, tok_line (at), "the statement comes from a "
                      "macro expansion");
          return false;
        }
      snprintf (text, sizeof text, "%s { ", mig_scope_word (m));
      int mark = mig_mark (m);
      if (!mig_edit (m, r, s0, s0, text, tok_line (at), why)
          || !mig_edit (m, r, e1, e1, " }", tok_line (end), NULL))
        {
          mig_rollback (m, mark);
          mig_refuse (m, r, tok_line (at), "another change is already there");
          return false;
        }
      return true;
    }
  mig_refuse (m, r, tok_line (at), "this block cannot be made a scope");
  return false;
}

/* ---- loops: the defer-in-loop fix-it, for every loop ---- */

typedef struct LoopCtx {
  Migration *m;
  cd_func **cd;
  int fixes[256][3];      /* kind, at, end */
  int nfixes;
  int missed[64];         /* defers reported without a fix-it */
  int nmissed;
} LoopCtx;

static bool
loops_report (void *backend, const struct cd_diag *d)
{
  LoopCtx *c = backend;
  if (d->id != CD_DIAG_DEFER_IN_LOOP)
    return true;
  if (d->fixit != CD_FIX_NONE && c->nfixes < 256)
    {
      c->fixes[c->nfixes][0] = d->fixit;
      c->fixes[c->nfixes][1] = (int) d->fix_at;
      c->fixes[c->nfixes][2] = (int) d->fix_end;
      c->nfixes++;
    }
  else if (d->fixit == CD_FIX_NONE && c->nmissed < 64)
    c->missed[c->nmissed++] = (int) d->loc;
  return true;
}

/* The block of CD whose location is token AT (a loop body).  */
static int
block_at (cd_func *cd, int at)
{
  for (int b = 0; b < cd_block_count (cd); b++)
    {
      struct cd_block_info k;
      cd_block_info (cd, b, &k);
      if ((int) k.loc == at && (k.role == CD_ROLE_LOOP_BODY))
        return b;
    }
  return -1;
}

void
rule_loops (Migration *m, Func *f, cd_func *unused)
{
  (void) unused;
  LoopCtx c = { 0 };
  c.m = m;
  cd_func *cd = describe_in (f, false, loops_report, &c);
  cd_check (cd);
  for (int i = 0; i < c.nfixes; i++)
    {
      int b = block_at (cd, c.fixes[i][1]);
      if (b < 0)
        continue;
      make_scope (m, RULE_LOOPS, cd, b, "the loop body becomes a scope: "
                  "its defer runs at the end of each iteration instead of "
                  "piling up (defer-in-loop)");
    }
  cd_func_free (cd);
}

/* ---- ts-to-go: scope on the blocks that own a defer in model ts ---- */

void
rule_ts_to_go (Migration *m, Func *f, cd_func *unused)
{
  (void) unused;
  cd_func *ts = describe_in (f, true, NULL, NULL);
  for (int d = 0; d < cd_defer_count (ts); d++)
    {
      int b = cd_defer_owner (ts, d);
      if (b < 0 || cd_block_is_defer_scope (ts, b, CD_MODEL_GO))
        continue;
      make_scope (m, RULE_TS_TO_GO, ts, b, "in model ts this block is the "
                  "defer's scope; in model go it must say so");
    }
  cd_func_free (ts);
}

/* ---- cleanup-attr ---- */

/* The token that closes the bracket opened at I.  */
static int
closing (int i)
{
  int depth = 0;
  for (int j = i; j < unit->ntok; j++)
    {
      int k = T (j)->kind;
      if (k == '(' || k == '[')
        depth++;
      else if ((k == ')' || k == ']') && --depth == 0)
        return j;
    }
  return unit->ntok - 1;
}

/* The tokens to remove for the cleanup attribute whose function name is
   token F: the whole `__attribute__ ((cleanup (f)))` or `[[gnu::cleanup
   (f)]]`, or only `cleanup (f)` and a comma when the attribute holds
   more.  False when F is not in such an attribute.  */
static bool
attribute_span (int f, int *first, int *last)
{
  int attr = -1, open = -1;
  for (int j = f - 1; j >= 0 && j >= f - 64 && attr < 0; j--)
    if (T (j)->kind == ATTRIBUTE && T (j + 1)->kind == '('
        && T (j + 2)->kind == '(' && closing (j + 1) > f)
      attr = j, open = j + 2;
    else if (T (j)->kind == '[' && T (j + 1)->kind == '['
             && closing (j) > f)
      attr = j, open = j + 1;
  if (attr < 0 || T (f - 1)->kind != '(' || T (f + 1)->kind != ')')
    return false;
  int end = closing (open);
  int item = f - 2;               /* cleanup ( f ), or gnu :: cleanup ( f ) */
  if (T (item - 1)->kind == ':' && T (item - 2)->kind == ':')
    item -= 3;
  if (item == open + 1 && f + 2 == end)
    {
      *first = attr;
      *last = closing (attr == open - 1 && T (attr)->kind == '[' ? attr
                                                                  : attr + 1);
      return true;
    }
  if (T (f + 2)->kind == ',')
    *first = item, *last = f + 2;
  else if (T (item - 1)->kind == ',')
    *first = item - 1, *last = f + 1;
  else
    return false;
  return true;
}

/* Spaces and tabs after byte OFF.  */
static unsigned
blanks_after (Migration *m, unsigned off)
{
  size_t size;
  const char *s = mig_text (m, &size);
  unsigned e = off;
  while (e < size && (s[e] == ' ' || s[e] == '\t'))
    e++;
  return e;
}

/* The text of preprocessed tokens [A, B] without [X, Y], one space
   between tokens.  */
static char *
tokens_without (int a, int b, int x, int y)
{
  Buf buf = { 0 };
  for (int i = a; i <= b; i++)
    {
      if (i >= x && i <= y)
        continue;
      if (buf.n)
        buf_puts (&buf, " ");
      buf_add (&buf, unit->text + T (i)->off, T (i)->len);
    }
  buf_add (&buf, "", 1);
  return buf.s;
}

/* REST is one identifier defined `typedef T *REST;` in the unit (GLib's
   T_autoptr): the text "T *", else NULL.  */
static char *
pointer_typedef (const char *rest)
{
  for (int i = 0; i + 4 < unit->ntok; i++)
    if (T (i)->kind == TYPEDEF && T (i + 2)->kind == '*'
        && T (i + 4)->kind == ';' && tok_is (i + 3, rest)
        && (T (i + 1)->kind == IDENTIFIER || T (i + 1)->kind == TYPEDEF_NAME))
      {
        Buf b = { 0 };
        buf_add (&b, unit->text + T (i + 1)->off, T (i + 1)->len);
        buf_puts (&b, " *");
        buf_add (&b, "", 1);
        return b.s;
      }
  return NULL;
}

/* Remove the attribute tokens [A, B] from the original: as written, or
   by rewriting the macro invocation they come from.  SINGLE: the
   declaration has one declarator (a pointer typedef left by the macro may
   then be spelled out: `g_autoptr (GList) l` becomes `GList *l`).  */
static bool
remove_attribute (Migration *m, int a, int b, int line, bool single)
{
  unsigned s0, e0, s1, e1;
  if (src_tok (a, &s0, &e0) && src_tok (b, &s1, &e1)
      && src_lines_ok (tok_line (a), tok_line (b)))
    return mig_edit (m, RULE_CLEANUP_ATTR, s0, blanks_after (m, e1), "", line,
                     NULL);
  SrcGroup g, g2;
  if (!src_group (a, &g) || !src_group (b, &g2) || g.start != g2.start
      || g.pfirst == -2)
    return false;
  /* What the macro gives besides the attribute must be part of this
     declaration (a type, a declarator): not statements or braces.  */
  for (int i = g.pfirst; i <= g.plast; i++)
    if ((i < a || i > b) && (T (i)->kind == ';' || T (i)->kind == '{'
                             || T (i)->kind == '}' || T (i)->kind == '='))
      return false;
  char *rest = tokens_without (g.pfirst, g.plast, a, b);
  char *star = single && *rest && !strchr (rest, ' ') ? pointer_typedef (rest)
                                                       : NULL;
  bool ok = star
            ? mig_edit (m, RULE_CLEANUP_ATTR, g.start, blanks_after (m, g.end),
                        star, line, NULL)
            : *rest
            ? mig_edit (m, RULE_CLEANUP_ATTR, g.start, g.end, rest, line, NULL)
            : mig_edit (m, RULE_CLEANUP_ATTR, g.start, blanks_after (m, g.end),
                        "", line, NULL);
  free (rest);
  free (star);
  return ok;
}

/* Are the cleanups of DECL's block reachable by a jump from before it,
   or does a defer of the block belong to an enclosing scope?  Then a
   defer would not run where the cleanup ran.  */
static const char *
scope_conflict (cd_func *cd, int b)
{
  for (int d = 0; d < cd_defer_count (cd); d++)
    {
      int owner = cd_defer_owner (cd, d);
      if (cd_block_within (cd, b, cd_defer_block (cd, d))
          && !cd_block_within (cd, b, owner))
        return "its block holds a defer that runs at the end of an "
               "enclosing scope: making the block a scope would move it";
    }
  return NULL;
}

static void
cleanup_decl (Migration *m, Func *f, cd_func *cd, Node *decl)
{
  int line = tok_line (decl->first);
  Var *vars[64];
  int n = 0;
  for (int i = 0; i < decl->vars.n && n < 64; i++)
    {
      Var *v = decl->vars.v[i];
      if (v->cleanup)
        vars[n++] = v;
    }
  if (!n)
    return;
  Node *p = decl->parent;
  if (p && p->kind == N_FOR)
    {
      mig_refuse (m, RULE_CLEANUP_ATTR, line, "a declaration in a for "
                  "loop's first clause");
      return;
    }
  for (int i = 0; i < n; i++)
    if (vars[i]->is_vla)
      {
        mig_refuse (m, RULE_CLEANUP_ATTR, line, "a variable-length array");
        return;
      }
  if (decl->flag)
    {
      mig_refuse (m, RULE_CLEANUP_ATTR, line, "a jump or case label reaches "
                  "the end of the block from before the declaration: the "
                  "cleanup ran there, a defer would not");
      return;
    }
  if (T (decl->last)->kind != ';')
    {
      mig_refuse (m, RULE_CLEANUP_ATTR, line, "not a declaration ending "
                  "with ';'");
      return;
    }
  unsigned semi, semi_end;
  if (!src_tok (decl->last, &semi, &semi_end))
    {
      mig_refuse (m, RULE_CLEANUP_ATTR, line, "the declaration's ';' comes "
                  "from a macro expansion");
      return;
    }
  /* The block must be a defer scope in the target model.  */
  Node *blk = vars[0]->block;
  int b = core_block_of (cd, blk);
  if (b < 0)
    {
      mig_refuse (m, RULE_CLEANUP_ATTR, line, "its block is not known");
      return;
    }
  bool target_ts = mig_target_ts (m);
  bool need_scope = !cd_block_is_defer_scope (cd, b, target_ts ? CD_MODEL_TS
                                                               : CD_MODEL_GO);
  if (need_scope)
    {
      const char *why = scope_conflict (cd, b);
      if (why)
        {
          mig_refuse (m, RULE_CLEANUP_ATTR, line, "%s", why);
          return;
        }
    }
  /* The attributes to remove (one per distinct cleanup function token),
     then the defers, then the scope: all or nothing.  */
  int mark = mig_mark (m);
  int done[64], ndone = 0;
  for (int i = 0; i < n; i++)
    {
      int ft = vars[i]->cleanup, a, z;
      bool seen = false;
      for (int k = 0; k < ndone; k++)
        seen |= done[k] == ft;
      if (seen)
        continue;
      done[ndone++] = ft;
      if (!attribute_span (ft, &a, &z))
        {
          mig_rollback (m, mark);
          mig_refuse (m, RULE_CLEANUP_ATTR, line, "the cleanup attribute is "
                      "not written __attribute__((cleanup(f)))");
          return;
        }
      if (!remove_attribute (m, a, z, line, decl->vars.n == 1))
        {
          mig_rollback (m, mark);
          mig_refuse (m, RULE_CLEANUP_ATTR, line, "the cleanup attribute "
                      "comes from a macro whose expansion cannot be placed "
                      "in the source or holds more than this declaration");
          return;
        }
    }
  Buf text = { 0 };
  for (int i = 0; i < n; i++)
    buf_printf (&text, " %s %s(&%s);", mig_defer_word (m),
                tok_text (vars[i]->cleanup), vars[i]->sym->name);
  buf_add (&text, "", 1);
  char why[512];
  snprintf (why, sizeof why, "the cleanup attribute becomes%s", text.s);
  bool ok = mig_edit (m, RULE_CLEANUP_ATTR, semi_end, semi_end, text.s, line,
                      why);
  free (text.s);
  if (ok && need_scope)
    ok = make_scope (m, RULE_CLEANUP_ATTR, cd, b, "the block becomes a "
                     "scope, so the deferred cleanup runs at its end as "
                     "the attribute's did");
  if (!ok)
    {
      mig_rollback (m, mark);
      mig_refuse (m, RULE_CLEANUP_ATTR, line, "another change is already "
                  "there");
    }
  (void) f;
}

static void
find_cleanup_decls (Migration *m, Func *f, cd_func *cd, Node *n)
{
  if (n->kind == N_DECL)
    cleanup_decl (m, f, cd, n);
  for (int i = 0; i < n->kids.n; i++)
    {
      Node *k = n->kids.v[i];
      if (k->kind != N_FUNC)
        find_cleanup_decls (m, f, cd, k);
    }
}

void
rule_cleanup_attr (Migration *m, Func *f, cd_func *unused)
{
  (void) unused;
  cd_func *cd = describe_in (f, mig_target_ts (m), NULL, NULL);
  find_cleanup_decls (m, f, cd, f->node);
  cd_func_free (cd);
}
