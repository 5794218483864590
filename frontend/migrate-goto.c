/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migrate-goto.c - the goto-cleanup rule of cdefer migrate: a function
   whose exits funnel through cleanup labels at its end becomes defers,
   where that provably keeps its behaviour; otherwise a note says why not.

   The shape it takes:

       BODY: top-level statements s[0] .. s[k-1]
       LADDER: s[k] .. : labels and cleanup statements R1 .. Rm, in order
       return E;            (or the end of a void function)

   A goto to label L runs the cleanup statements after L.  Each Ri
   becomes `defer Ri` inserted before one top-level statement P(i) of the
   body, and is removed from the ladder (the labels and gotos stay).  The
   behaviour is the same when, on every path out of the function, Ri runs
   exactly when it ran before and in the same order:

   - control crosses P(i) only forward: no loop around P(i) (it is a
     top-level statement), no goto of the body crosses it (a forward one
     would skip the defer, a backward one would run code before it again),
     no setjmp, no computed goto, no address-taken label, no nested
     function; so a statement runs after P(i) exactly when it comes after
     it in the text;
   - a defer or cleanup variable of the function's own scope ran after
     the ladder; registered before P(i), it still runs after Ri;
   - each goto that runs Ri comes after P(i); each goto that skips Ri (to
     a label after it) and each `return` in the body come before P(i);
     except (where no body goto goes backward) a goto or return where Ri
     does nothing: Ri is `if (v) ...`,
     `if (v != NULL) ...`, `if (v >= 0) ...` or a release that accepts
     NULL (free), and v still holds its null initializer there (it is
     before the first mention of v, whose address is never taken);
   - the defers run in the reverse order of their registration, so the
     P(i) must not decrease along the ladder (at one P, they are
     registered in reverse ladder order);
   - everything Ri names is declared before P(i);
   - no preprocessing directive stands between P(i) and the end of the
     function (moved across an #if, the code would mean something else
     in another configuration);
   - the cleanup statements are plain statements (no jump, label or
     declaration), and E is computed before them instead of after: E may
     only read constants and local variables whose address is never
     taken and that no cleanup statement may change, so the order cannot
     show.

   P(i) is the latest statement the rules allow: the defer stands next
   to the acquisition it releases.  */

#include "migrate.h"
#include "parse.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RELEASES 64
#define MAX_LABELS 32
#define MAX_JUMPS 512

typedef struct Jump {
  int t;                  /* the top-level statement that holds it */
  int pos;                /* goto: ladder position of its label (the
                             releases from this index on run); return: -1 */
  int tok;
} Jump;

typedef struct Ladder {
  Migration *m;
  Func *f;
  Node *body;
  Node **top;             /* top-level statements */
  int n, k;               /* count; first ladder statement */
  Node *ret;              /* the final return, or NULL */
  Node *rel[MAX_RELEASES];
  int nrel;
  Sym *label[MAX_LABELS];
  int label_pos[MAX_LABELS];
  int nlabels;
  Jump jump[MAX_JUMPS];
  int njumps;
  /* Labels of the body and the gotos to them: a defer place may not lie
     between a goto and its label (a forward goto would skip the defer,
     a backward one run code before it again).  */
  Sym *blabel[MAX_LABELS];
  int blabel_t[MAX_LABELS];
  int nblabels;
  Sym *bgoto[MAX_JUMPS];
  int bgoto_t[MAX_JUMPS];
  int nbgotos;
  bool backward;          /* some body goto goes backward */
  int reg_lo;             /* after the last top-level registration of the
                             function's scope (a defer, a cleanup
                             variable): they run after the ladder did */
  const char *why;        /* the refusal, once there is one */
  int why_line;
} Ladder;

static void
refuse (Ladder *l, int tok, const char *why)
{
  if (!l->why)
    {
      l->why = why;
      l->why_line = tok_line (tok);
    }
}

/* The top-level statement that holds token TOK, or -1.  */
static int
top_index (Ladder *l, int tok)
{
  for (int i = 0; i < l->n; i++)
    if (l->top[i]->first <= tok && tok <= l->top[i]->last)
      return i;
  return -1;
}

static int
label_position (Ladder *l, Sym *s)
{
  for (int i = 0; i < l->nlabels; i++)
    if (l->label[i] == s)
      return l->label_pos[i];
  return -1;
}

/* ---- the ladder ---- */

/* Is N a plain cleanup statement: no jump out of it, no label, no
   declaration?  IN_LOOP: a break/continue may stay inside.  */
static bool
plain_statement (Node *n, bool in_loop)
{
  switch (n->kind)
    {
    case N_GOTO: case N_CGOTO: case N_RETURN: case N_LABEL: case N_CASE:
    case N_DEFAULT: case N_DECL: case N_DEFER: case N_SCOPE: case N_FUNC:
    case N_SWITCH: case N_ASM:
      return false;
    case N_BREAK: case N_CONTINUE:
      return in_loop;
    case N_WHILE: case N_DO: case N_FOR:
      in_loop = true;
      break;
    case N_BLOCK:
      if (n->stmtexpr)
        return false;
      break;
    default:
      break;
    }
  for (int i = 0; i < n->kids.n; i++)
    if (!plain_statement (n->kids.v[i], in_loop))
      return false;
  return true;
}

/* Read top-level statement I as a ladder item: labels, then a plain
   statement or the final return.  False when it is not one.  */
static bool
ladder_item (Ladder *l, int i, bool record)
{
  Node *s = l->top[i];
  while (s && s->kind == N_LABEL)
    {
      if (record && l->nlabels < MAX_LABELS)
        {
          l->label[l->nlabels] = s->label;
          l->label_pos[l->nlabels++] = l->nrel;
        }
      s = s->body;
    }
  if (!s || s->kind == N_NULL)
    return true;
  if (s->kind == N_RETURN)
    {
      if (i != l->n - 1)
        return false;
      if (record)
        l->ret = s;
      return true;
    }
  if (!plain_statement (s, false))
    return false;
  if (record)
    {
      if (l->nrel == MAX_RELEASES)
        return false;
      l->rel[l->nrel++] = s;
    }
  return true;
}

/* The first statement of the trailing run of ladder items (labels,
   plain statements, the final return), or N when there is none.  */
static int
ladder_run (Ladder *l)
{
  int i = l->n;
  while (i > 0 && ladder_item (l, i - 1, false))
    i--;
  return i;
}

/* Take the ladder from top-level statement K (a label) to the end.  */
static bool
take_ladder (Ladder *l, int k)
{
  l->k = k;
  for (int j = k; j < l->n; j++)
    ladder_item (l, j, true);
  return l->nrel > 0;
}

/* ---- the body ---- */

static bool label_address_taken (Ladder *l, Sym *s);

static void
scan_body (Ladder *l, Node *n, int t)
{
  switch (n->kind)
    {
    case N_LABEL:
      if (label_address_taken (l, n->label))
        refuse (l, n->first, "the address of a label is taken");
      else if (l->nblabels < MAX_LABELS)
        {
          l->blabel[l->nblabels] = n->label;
          l->blabel_t[l->nblabels++] = t;
        }
      else
        refuse (l, n->first, "too many labels");
      break;
    case N_CGOTO:
      refuse (l, n->first, "a computed goto");
      return;
    case N_ASM:
      {
        Vec labels = { 0 };
        if (asm_goto_labels (l->f, n, &labels))
          refuse (l, n->first, "an asm goto");
        break;
      }
    case N_DEFER:
      /* Registered with the function's scope, it runs after the cleanup
         code of the ladder did: the new defers must be registered after
         it (last registered, first run).  Its body is not the
         function's control flow.  */
      if (n->owner == l->f->node && t + 1 > l->reg_lo)
        l->reg_lo = t + 1;
      return;
    case N_FUNC:
      refuse (l, n->first, "a nested function");
      return;
    case N_GOTO:
      {
        int pos = label_position (l, n->label);
        if (pos >= 0 && l->njumps < MAX_JUMPS)
          l->jump[l->njumps++] = (Jump) { t, pos, n->first };
        else if (pos < 0 && l->nbgotos < MAX_JUMPS)
          {
            l->bgoto[l->nbgotos] = n->label;
            l->bgoto_t[l->nbgotos++] = t;
          }
        else
          refuse (l, n->first, "too many jumps");
        return;
      }
    case N_RETURN:
      if (l->njumps < MAX_JUMPS)
        l->jump[l->njumps++] = (Jump) { t, -1, n->first };
      break;
    case N_DECL:
      /* A cleanup variable of the function body: the same as a defer
         (cleanups and defers run in one LIFO order).  */
      for (int i = 0; i < n->vars.n; i++)
        if (((Var *) n->vars.v[i])->cleanup
            && ((Var *) n->vars.v[i])->block == l->f->node && t + 1 > l->reg_lo)
          l->reg_lo = t + 1;
      break;
    default:
      break;
    }
  if (l->njumps == MAX_JUMPS)
    refuse (l, n->first, "too many jumps");
  for (int i = 0; i < n->kids.n; i++)
    scan_body (l, n->kids.v[i], t);
}

static bool
label_address_taken (Ladder *l, Sym *s)
{
  for (int i = 0; i < l->f->addr_labels.n; i++)
    if (T ((int) (intptr_t) l->f->addr_labels.v[i])->sym == s)
      return true;
  return false;
}

/* Every body goto's label must be a label of the body (not a non-local
   one); note whether one goes backward.  */
static void
resolve_body_gotos (Ladder *l)
{
  for (int g = 0; g < l->nbgotos; g++)
    {
      int t = -1;
      for (int i = 0; i < l->nblabels; i++)
        if (l->blabel[i] == l->bgoto[g])
          t = l->blabel_t[i];
      if (t < 0)
        {
          refuse (l, l->f->name, "a goto to a label outside the function's "
                  "body statements");
          return;
        }
      if (t <= l->bgoto_t[g])
        l->backward = true;
    }
}

/* May a defer go before top-level statement P: does no body goto cross
   it (from before P to a label at or after P, or back from P or later to
   a label before P)?  */
static bool
place_allowed (Ladder *l, int p)
{
  for (int g = 0; g < l->nbgotos; g++)
    {
      int from = l->bgoto_t[g], to = -1;
      for (int i = 0; i < l->nblabels; i++)
        if (l->blabel[i] == l->bgoto[g])
          to = l->blabel_t[i];
      int a = from < to ? from : to, b = from < to ? to : from;
      if (a < p && p <= b)
        return false;
    }
  return true;
}

/* ---- what a cleanup statement names ---- */

static bool
is_local (Ladder *l, Var *v)
{
  return v && v->kind == B_OBJ && !v->file_scope && !v->is_static
         && !v->is_extern && (v->is_param || v->block == l->f->node);
}

static bool
address_taken (Ladder *l, Var *v)
{
  for (int i = 0; i < l->f->uses.n; i++)
    {
      Use *u = l->f->uses.v[i];
      if (u->var == v && u->tok > 0 && T (u->tok - 1)->kind == '&')
        return true;
    }
  return false;
}

/* The top-level statement that declares V, or -1 (a parameter).  */
static int
decl_index (Ladder *l, Var *v)
{
  return v->is_param ? -1 : top_index (l, v->tok);
}

/* The first top-level statement that mentions V (not its declaration),
   or the ladder's start.  */
static int
first_mention (Ladder *l, Var *v)
{
  int d = decl_index (l, v), first = l->k;
  for (int i = 0; i < l->f->uses.n; i++)
    {
      Use *u = l->f->uses.v[i];
      if (u->var != v)
        continue;
      int t = top_index (l, u->tok);
      if (t >= 0 && t != d && t < first)
        first = t;
    }
  return first;
}

/* The initializer of V, [*A, *B], or false.  */
static bool
initializer (Var *v, int *a, int *b)
{
  int i = v->d_last + 1;
  if (T (i)->kind != '=')
    return false;
  *a = i + 1;
  int depth = 0, j = i + 1;
  for (; T (j)->kind; j++)
    {
      int k = T (j)->kind;
      if (k == '(' || k == '[' || k == '{')
        depth++;
      else if (k == ')' || k == ']' || k == '}')
        depth--;
      else if (depth == 0 && (k == ',' || k == ';'))
        break;
    }
  *b = j - 1;
  return *b >= *a;
}

/* Do tokens [A, B] spell a null pointer constant or 0: `0`, or NULL's
   expansion `((void *) 0)`?  */
static bool
null_initializer_text (int a, int b)
{
  bool zero = false;
  if (a > b)
    return false;
  for (int i = a; i <= b; i++)
    if (tok_is (i, "0"))
      zero = true;
    else if (!tok_is (i, "(") && !tok_is (i, ")") && !tok_is (i, "void")
             && !tok_is (i, "*"))
      return false;
  return zero;
}

/* Is V's initializer a null pointer or zero (NEGATIVE: a negative
   constant)?  */
static bool
null_initializer (Var *v, bool negative)
{
  int a, b;
  if (!initializer (v, &a, &b))
    return false;
  if (negative)
    return a + 1 == b && T (a)->kind == '-' && T (b)->kind == CONSTANT;
  return null_initializer_text (a, b);
}

/* The variable a cleanup statement R does nothing for while it holds its
   initializer, or NULL.  */
static Var *
noop_variable (Ladder *l, Node *r)
{
  Use *u = NULL;
  bool negative = false;
  if (r->kind == N_IF && !r->els && r->e1 <= r->e2)
    {
      int a = r->e1, b = r->e2;
      /* if (v), if (v != NULL), if (NULL != v), if (v != 0), if (v >= 0) */
      int vt = -1;
      if (a == b)
        vt = a;
      else if (T (a)->kind == IDENTIFIER && (T (a + 1)->kind == NE_OP)
               && null_initializer_text (a + 2, b))
        vt = a;
      else if (T (b)->kind == IDENTIFIER && T (b - 1)->kind == NE_OP
               && null_initializer_text (a, b - 2))
        vt = b;
      else if (T (a)->kind == IDENTIFIER && a + 2 == b
               && T (a + 1)->kind == GE_OP && tok_is (b, "0"))
        vt = a, negative = true;
      if (vt >= 0)
        for (int i = 0; i < l->f->uses.n && !u; i++)
          if (((Use *) l->f->uses.v[i])->tok == vt)
            u = l->f->uses.v[i];
    }
  else if (r->kind == N_EXPR && r->last - r->first == 4
           && T (r->first)->kind == IDENTIFIER && T (r->first + 1)->kind == '('
           && T (r->first + 2)->kind == IDENTIFIER && T (r->first + 3)->kind == ')'
           && cd_release_accepts_null (T (r->first)->sym->name))
    for (int i = 0; i < l->f->uses.n && !u; i++)
      if (((Use *) l->f->uses.v[i])->tok == r->first + 2)
        u = l->f->uses.v[i];
  if (!u || !is_local (l, u->var) || u->var->is_param
      || address_taken (l, u->var) || !null_initializer (u->var, negative))
    return NULL;
  return u->var;
}

/* ---- where each defer goes ---- */

/* The interval [*LO, *HI] of top-level statements before which cleanup
   statement I may be deferred; false (after refusing) when it is
   empty.  */
static bool
defer_point (Ladder *l, int i, int *lo, int *hi)
{
  Node *r = l->rel[i];
  *lo = l->reg_lo;
  *hi = l->k;
  /* What it names must be declared before it.  */
  for (int u = first_use_from (l->f, r->first); u < l->f->uses.n; u++)
    {
      Use *use = l->f->uses.v[u];
      if (use->tok > r->last)
        break;
      if (!use->var || use->var->kind != B_OBJ || use->var->file_scope
          || use->var->is_static || use->var->is_extern)
        continue;
      if (!is_local (l, use->var))
        {
          refuse (l, r->first, "the cleanup code names a variable of an "
                  "inner block");
          return false;
        }
      int d = decl_index (l, use->var);
      if (d + 1 > *lo)
        *lo = d + 1;
    }
  Var *nv = noop_variable (l, r);
  /* (Only while control moves forward is "before the first mention"
     the same as "while it still holds its initializer".)  */
  int quiet_before = nv && !l->backward ? first_mention (l, nv) : 0;
  int need_lo = *lo;
  for (int j = 0; j < l->njumps; j++)
    {
      Jump *g = &l->jump[j];
      bool runs = g->pos >= 0 && i >= g->pos;
      if (g->t < quiet_before)
        continue;               /* R does nothing there */
      if (runs && g->t < *hi)
        *hi = g->t;
      else if (!runs && g->t + 1 > *lo)
        *lo = g->t + 1;
    }
  if (*lo <= *hi)
    return true;
  if (l->reg_lo > *hi)
    refuse (l, r->first, "a defer or cleanup variable of the function is "
            "registered after a goto that must run this cleanup: the order "
            "of the two would change");
  else if (need_lo > *hi)
    refuse (l, r->first, "the cleanup code names a variable declared after "
            "a goto that must run it");
  else
    refuse (l, r->first, "no one place for its defer: a goto that must run "
            "this cleanup comes before a goto or return that must not (the "
            "ladder is not straight)");
  return false;
}

/* Does statement R (maybe) change variable V: assign it, increment it,
   or take its address?  */
static bool
writes (Ladder *l, Node *r, Var *v)
{
  for (int i = first_use_from (l->f, r->first); i < l->f->uses.n; i++)
    {
      Use *u = l->f->uses.v[i];
      if (u->tok > r->last)
        break;
      if (u->var != v)
        continue;
      int before = T (u->tok - 1)->kind, after = T (u->tok + 1)->kind;
      if (before == '&' || before == INC_OP || before == DEC_OP
          || after == INC_OP || after == DEC_OP || after == '='
          || (after >= MUL_ASSIGN && after <= OR_ASSIGN)
          || after == '[' || after == '.')
        return true;
    }
  return false;
}

/* May E (the returned value) be computed before the cleanup code instead
   of after it?  Only constants and local variables that the cleanup code
   does not name and whose address is never taken.  */
static bool
value_order_free (Ladder *l, int a, int b)
{
  for (int t = a; t <= b; t++)
    {
      if (T (t)->kind != IDENTIFIER)
        continue;
      Use *u = NULL;
      for (int i = first_use_from (l->f, t); i < l->f->uses.n; i++)
        {
          Use *x = l->f->uses.v[i];
          if (x->tok == t)
            u = x;
          if (x->tok >= t)
            break;
        }
      if (u && u->var && u->var->kind == B_ENUM)
        continue;
      if (!u || !is_local (l, u->var) || address_taken (l, u->var))
        return false;
      for (int r = 0; r < l->nrel; r++)
        if (writes (l, l->rel[r], u->var))
          return false;
    }
  return true;
}

/* ---- the edits ---- */

static const char *
text_of (Migration *m, unsigned *size)
{
  size_t n;
  const char *s = mig_text (m, &n);
  *size = (unsigned) n;
  return s;
}

/* The start of the line holding byte OFF, when only blanks precede OFF
   on it; else OFF itself (*ALONE false).  */
static unsigned
line_start_if_first (Migration *m, unsigned off, bool *alone)
{
  unsigned size;
  const char *s = text_of (m, &size);
  unsigned b = off;
  while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t'))
    b--;
  *alone = b == 0 || s[b - 1] == '\n';
  return *alone ? b : off;
}

/* The original text of statement R, or NULL when it cannot be copied
   (from a macro, a directive inside).  */
static char *
statement_text (Migration *m, Node *r)
{
  unsigned s0, e1, size;
  if (!src_insert_point (r->first, false, &s0)
      || !src_insert_point (r->last, true, &e1)
      || src_has_directive (tok_line (r->first), tok_line (r->last)))
    return NULL;
  const char *s = text_of (m, &size);
  return xstrndup (s + s0, e1 - s0);
}

/* The start of the line after statement PREV when only blank lines
   stand between it and line start FROM; else FROM.  */
static unsigned
after_blank_lines (Migration *m, Node *prev, unsigned from)
{
  unsigned pe, size;
  const char *s = text_of (m, &size);
  if (!src_insert_point (prev->last, true, &pe) || pe >= from)
    return from;
  while (pe < from && s[pe] != '\n')
    if (s[pe] == ' ' || s[pe] == '\t' || s[pe] == '\r')
      pe++;
    else
      return from;
  for (unsigned i = pe; i < from; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return from;
  return pe + 1 < from ? pe + 1 : from;
}

/* Remove statement R from the ladder: its lines when it is alone on
   them, else its text (and the blanks before it).  REPLACEMENT: what
   stays instead ("" or ";").  PREV: the cleanup statement removed just
   before, or NULL: the blank lines that separated the two go too (they
   would be left in a pile).  */
static bool
remove_statement (Migration *m, Node *r, Node *prev, const char *replacement)
{
  unsigned s0, e1, size;
  if (!src_insert_point (r->first, false, &s0)
      || !src_insert_point (r->last, true, &e1))
    return false;
  const char *s = text_of (m, &size);
  bool first;
  unsigned from = line_start_if_first (m, s0, &first);
  unsigned to = e1;
  while (to < size && (s[to] == ' ' || s[to] == '\t' || s[to] == '\r'))
    to++;
  bool last = to == size || s[to] == '\n';
  if (first && last && !*replacement)
    {
      to += to < size;          /* the whole lines */
      if (prev)
        from = after_blank_lines (m, prev, from);
    }
  else if (last)
    {
      from = s0;
      while (from > 0 && (s[from - 1] == ' ' || s[from - 1] == '\t'))
        from--;
      to = e1;
      if (*replacement)
        from = s0;
    }
  else
    from = s0;
  return mig_edit (m, RULE_GOTO_CLEANUP, from, to, replacement,
                   tok_line (r->first), NULL);
}

/* The blanks that start the line of byte OFF.  */
static char *
indentation (Migration *m, unsigned off)
{
  unsigned size;
  const char *s = text_of (m, &size);
  unsigned b = off;
  while (b > 0 && s[b - 1] != '\n')
    b--;
  unsigned e = b;
  while (e < size && (s[e] == ' ' || s[e] == '\t'))
    e++;
  return xstrndup (s + b, e - b);
}

/* The start of the comment lines right above line start AT (no blank
   line between: they are about the statement at AT), else AT.  BOUND:
   where the previous statement ends; nothing before it is looked at.  */
static unsigned
above_comments (Migration *m, unsigned at, unsigned bound)
{
  unsigned size;
  const char *s = text_of (m, &size);
  for (;;)
    {
      if (at == 0 || at <= bound)
        return at;
      unsigned e = at - 1;      /* the previous line's newline */
      while (e > bound && (s[e - 1] == ' ' || s[e - 1] == '\t'
                           || s[e - 1] == '\r'))
        e--;
      unsigned b = e;           /* its first non-blank */
      while (b > bound && s[b - 1] != '\n')
        b--;
      unsigned first = b;
      while (first < e && (s[first] == ' ' || s[first] == '\t'))
        first++;
      unsigned start;
      if (e - first >= 2 && s[first] == '/' && s[first + 1] == '/')
        start = first;
      else if (e - first >= 2 && s[e - 2] == '*' && s[e - 1] == '/')
        {
          /* a block comment ending the line: from its opening */
          unsigned o = e - 2;
          while (o > bound + 1 && !(s[o - 2] == '/' && s[o - 1] == '*'))
            o--;
          if (o <= bound + 1)
            return at;
          start = o - 2;
        }
      else
        return at;
      unsigned ls = start;      /* only blanks before it on its line */
      while (ls > bound && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
        ls--;
      if (ls <= bound || s[ls - 1] != '\n')
        return at;
      at = ls;
    }
}

/* Insert the defers of cleanup statements ORDER[0..N-1] (registration
   order) before top-level statement P (and before the comment lines
   that introduce it).  */
static bool
insert_defers (Ladder *l, int p, int *order, int n)
{
  Migration *m = l->m;
  unsigned at, e, size;
  const char *s = text_of (m, &size);
  bool alone;
  char *indent;
  if (p < l->k)
    {
      if (!src_insert_point (l->top[p]->first, false, &at))
        return false;
      at = line_start_if_first (m, at, &alone);
      indent = indentation (m, at);
      if (!alone)
        indent = "";
      unsigned bound;
      if (alone && (p > 0 ? src_insert_point (l->top[p - 1]->last, true, &bound)
                          : src_insert_point (l->body->first, true, &bound)))
        at = above_comments (m, at, bound);
    }
  else
    {
      /* after the body: the line after its last statement */
      if (p == 0 || !src_insert_point (l->top[p - 1]->last, true, &at))
        return false;
      unsigned first;
      if (!src_insert_point (l->top[p - 1]->first, false, &first))
        return false;
      indent = indentation (m, first);
      while (at < size && (s[at] == ' ' || s[at] == '\t' || s[at] == '\r'))
        at++;
      alone = at < size && s[at] == '\n';
      if (!alone)
        return false;
      at++;
    }
  Buf b = { 0 };
  for (int i = 0; i < n; i++)
    {
      char *text = statement_text (m, l->rel[order[i]]);
      if (!text)
        return false;
      if (alone)
        buf_printf (&b, "%s%s %s\n", indent, mig_defer_word (m), text);
      else
        buf_printf (&b, "%s %s ", mig_defer_word (m), text);
    }
  buf_add (&b, "", 1);
  char why[300];
  snprintf (why, sizeof why, "in %s, the cleanup code at the end "
            "becomes %s: it runs on the same paths, in the same order",
            T (l->f->name)->sym->name, n > 1 ? "defers" : "a defer");
  bool ok = mig_edit (m, RULE_GOTO_CLEANUP, at, at, b.s,
                      tok_line (l->rel[order[0]]->first), why);
  free (b.s);
  return ok;
}

/* The variable cleanup statement R is about: the one it does nothing
   for while null, else the first local variable it names.  */
static Var *
subject (Ladder *l, Node *r)
{
  Var *v = noop_variable (l, r);
  for (int u = first_use_from (l->f, r->first); !v && u < l->f->uses.n; u++)
    {
      Use *use = l->f->uses.v[u];
      if (use->tok > r->last)
        break;
      if (is_local (l, use->var) && !use->var->is_param)
        v = use->var;
    }
  return v;
}

/* Does the ladder order survive points P: along the ladder they must not
   go up (the defers run last registered first)?  */
static bool
lifo_ok (Ladder *l, const int *p)
{
  for (int i = 0; i + 1 < l->nrel; i++)
    if (p[i] < p[i + 1])
      return false;
  return true;
}

static void
convert (Ladder *l)
{
  int lo[MAX_RELEASES], hi[MAX_RELEASES], at[MAX_RELEASES];
  for (int i = 0; i < l->nrel; i++)
    if (!defer_point (l, i, &lo[i], &hi[i]))
      return;
  /* Each defer next to the statement after the first mention of its
     variable (its acquisition and the test of it), where allowed; else
     as late as allowed.  */
  for (int i = 0; i < l->nrel; i++)
    {
      Var *v = subject (l, l->rel[i]);
      int want = v ? first_mention (l, v) + 1 : hi[i];
      at[i] = want < lo[i] ? lo[i] : want > hi[i] ? hi[i] : want;
      /* No body goto may cross it: the nearest place that none crosses,
         later ones first.  */
      int p = at[i];
      for (int d = 0; !place_allowed (l, p); d++)
        {
          if (at[i] + d <= hi[i] && place_allowed (l, at[i] + d))
            p = at[i] + d;
          else if (at[i] - d >= lo[i] && place_allowed (l, at[i] - d))
            p = at[i] - d;
          else if (at[i] + d > hi[i] && at[i] - d < lo[i])
            {
              refuse (l, l->rel[i]->first, "a goto between other statements "
                      "of the function crosses every place its defer could "
                      "go");
              return;
            }
        }
      at[i] = p;
      if (!place_allowed (l, hi[i]))
        hi[i] = p;              /* the fallback below must be allowed too */
    }
  if (!lifo_ok (l, at))
    memcpy (at, hi, sizeof at);
  if (!lifo_ok (l, at))
    {
      refuse (l, l->rel[0]->first, "the cleanup statements would run in "
              "another order");
      return;
    }
  if (l->ret && l->ret->e1 <= l->ret->e2
      && !value_order_free (l, l->ret->e1, l->ret->e2))
    {
      refuse (l, l->ret->first, "the returned value would be computed before "
              "the cleanup code instead of after it, and it may depend on it");
      return;
    }
  if (!l->ret && !l->f->void_return)
    {
      refuse (l, l->top[l->n - 1]->last, "the function does not end with "
              "a return");
      return;
    }
  /* Code moved across an #if would change its meaning in another
     configuration.  */
  int lowest = at[0];
  for (int i = 1; i < l->nrel; i++)
    if (at[i] < lowest)
      lowest = at[i];
  int from = lowest < l->k ? tok_line (l->top[lowest]->first)
                           : tok_line (l->top[lowest - 1]->last);
  if (src_has_directive (from, tok_line (l->top[l->n - 1]->last)))
    {
      refuse (l, l->rel[0]->first, "a preprocessing directive stands between "
              "the cleanup code and the place of its defer");
      return;
    }
  Migration *m = l->m;
  int mark = mig_mark (m);
  /* The defers, each point's in reverse ladder order.  */
  for (int i = l->nrel - 1; i >= 0;)
    {
      int order[MAX_RELEASES], n = 0, p = at[i];
      while (i >= 0 && at[i] == p)
        order[n++] = i--;
      if (!insert_defers (l, p, order, n))
        {
          mig_rollback (m, mark);
          refuse (l, l->rel[order[0]]->first, "the cleanup code or the place "
                  "of its defer comes from a macro expansion");
          return;
        }
    }
  for (int i = 0; i < l->nrel; i++)
    if (!remove_statement (m, l->rel[i], i ? l->rel[i - 1] : NULL,
                           !l->ret && i == l->nrel - 1 ? ";" : ""))
      {
        mig_rollback (m, mark);
        refuse (l, l->rel[i]->first, "the cleanup code comes from a macro "
                "expansion");
        return;
      }
}

/* Try the ladder that starts at statement K: true when it was migrated;
   else *WHY (the first refusal kept) says why not.  */
static bool
try_ladder (Migration *m, Func *f, int k, const char **why, int *line)
{
  Node *body = f->node->body;
  Ladder *l = calloc (1, sizeof *l);
  if (!l)
    abort ();
  l->m = m;
  l->f = f;
  l->body = body;
  l->n = body->kids.n;
  l->top = (Node **) body->kids.v;
  bool done = false;
  if (take_ladder (l, k))
    {
      if (f->calls_setjmp)
        refuse (l, f->name, "the function calls setjmp");
      for (int i = 0; i < l->k; i++)
        scan_body (l, l->top[i], i);
      if (!l->why)
        resolve_body_gotos (l);
      if (!l->why)
        convert (l);
      done = !l->why;
      if (l->why && !*why)
        *why = l->why, *line = l->why_line;
    }
  free (l);
  return done;
}

/* The longest ladder that can be migrated: from each label of the
   trailing run in turn (a label among the cleanup statements may also be
   a label of the body whose statement stays where it is).  */
void
rule_goto_cleanup (Migration *m, Func *f)
{
  Node *body = f->node->body;
  if (!body || body->kind != N_BLOCK || f->outer || !body->kids.n)
    return;
  Ladder probe = { 0 };
  probe.f = f;
  probe.n = body->kids.n;
  probe.top = (Node **) body->kids.v;
  const char *why = NULL;
  int line = 0;
  for (int k = ladder_run (&probe); k < probe.n; k++)
    if (probe.top[k]->kind == N_LABEL && try_ladder (m, f, k, &why, &line))
      return;
  if (why)
    mig_refuse (m, RULE_GOTO_CLEANUP, line, "%s", why);
}
