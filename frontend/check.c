/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c - the diagnostics of SPEC section 4 (model go) on one analysed
   function.  One function per diagnostic ID; locations and notes follow
   the GCC plugin so both backends report the same IDs on the same lines.  */

#include "fe.h"
#include "parse.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static Func *F;

static bool
is_loop (Node *n)
{
  return n->kind == N_WHILE || n->kind == N_FOR
         || (n->kind == N_DO && !n->not_a_loop);
}

static bool
zero_condition (Node *n)
{
  long long v;
  return const_eval (n->e1, n->e2, F, &v) && v == 0;
}

static void
mark_do_zero (Node *n)
{
  if (n->kind == N_DO && zero_condition (n))
    n->not_a_loop = true;
  for (int i = 0; i < n->kids.n; i++)
    mark_do_zero (n->kids.v[i]);
}

static bool
check_defer_in_loop (Node *d)
{
  Node *loop = NULL;
  for (Node *a = d->parent; a && a != d->owner; a = a->parent)
    if (is_loop (a))
      {
        loop = a;
        break;
      }
  if (!loop)
    return false;
  if (diag (DIAG_DEFER_IN_LOOP, d->first, NULL))
    {
      Node *b = loop->body;
      if (b && b->kind == N_BLOCK)
        diag_fixit_insert (b->first, "scope ");
      else if (b)
        {
          diag_fixit_insert (b->first, "scope { ");
          diag_fixit_insert_after (b->last, " }");
        }
      /* the plugin's loop location: the token after the keyword */
      diag_note (loop->kind == N_FOR ? loop->first : loop->first + 1,
                 "the loop is here; make its body a 'scope' "
                 "to run the deferred body at the end of each iteration");
    }
  return true;
}

static bool
in_unevaluated (int tok)
{
  for (int i = 0; i < F->unevaluated.n; i++)
    {
      Span *s = F->unevaluated.v[i];
      if (tok >= s->first && tok <= s->last)
        return true;
    }
  return false;
}


static void
check_escaping_capture (Node *d)
{
  for (int i = first_use_from (F, d->first); i < F->uses.n; i++)
    {
      Use *u = F->uses.v[i];
      Var *v = u->var;
      if (u->tok > d->last)
        break;
      if (u->tok < d->first || !v || v->kind != B_OBJ
          || v->is_static || v->is_extern || v->file_scope
          || in_unevaluated (u->tok))
        continue;
      for (Node *b = v->block; b; b = b->up)
        {
          if (b == d)
            break;
          if (b == d->owner)
            {
              if (v->block == d->owner)
                break;
              if (diag (DIAG_ESCAPING_CAPTURE, u->tok, v->sym->name))
                {
                  if (v->block->kind == N_BLOCK && !v->block->stmtexpr)
                    diag_fixit_insert (v->block->first, "scope ");
                  diag_note (v->tok, "'%s' is declared in a block that ends "
                             "before the deferred body runs; make that block "
                             "a 'scope'", v->sym->name);
                }
              return;            /* one report per defer */
            }
        }
    }
}

static void
check_defer_body (Node *d)
{
  Node *b = d->body;
  if (!b)
    return;
  /* `defer { L: ...; }` is fine: a compound statement does not start
     with a label.  */
  Node *first = b;
  if (first->kind == N_LABEL || first->kind == N_CASE
      || first->kind == N_DEFAULT)
    diag (DIAG_DEFER_BODY_LABEL, d->first, NULL);
  bool empty = b->kind == N_NULL || b->kind == N_BLOCK;
  for (int i = 0; b->kind == N_BLOCK && i < b->kids.n && empty; i++)
    empty = ((Node *) b->kids.v[i])->kind == N_NULL;
  /* declarations are not nodes of their own when they declare nothing
     (struct tags): only null statements between the braces.  */
  for (int i = b->first + 1; b->kind == N_BLOCK && i < b->last && empty; i++)
    empty = T (i)->kind == ';';
  if (empty)
    diag (DIAG_EMPTY_DEFER, d->first, NULL);
}

static void
check_defer_in_plain_block (Node *d)
{
  Node *b = d->parent;
  if (!b || b->kind != N_BLOCK || b->is_body || b->stmtexpr || !b->parent
      || b->parent->kind != N_BLOCK || d->owner == b)
    return;
  if (!tok_is (d->first, "defer") && !tok_is (d->first, "_Defer"))
    return;
  if (diag (DIAG_DEFER_IN_PLAIN_BLOCK, d->first, NULL))
    {
      diag_fixit_insert (b->first, "scope ");
      diag_note (b->first, "make this block a 'scope' to run it at the "
                 "block's end");
    }
}

static const char *
jump_name (Node *j)
{
  switch (j->kind)
    {
    case N_RETURN: return "return";
    case N_BREAK: return "break";
    case N_CONTINUE: return "continue";
    default: return "goto";
    }
}

static Node *
innermost_defer (Node *n)
{
  for (Node *a = n->parent; a && a->kind != N_FUNC; a = a->parent)
    if (a->kind == N_DEFER)
      return a;
  return NULL;
}

static void
check_jump_out_of_defer (Node *j)
{
  Node *body = innermost_defer (j);
  if (!body)
    return;
  switch (j->kind)
    {
    case N_RETURN:
      break;
    case N_BREAK:
    case N_CONTINUE:
      if (j->target && is_ancestor (body, j->target))
        return;
      /* The innermost deferred body between the jump and its target.  */
      for (Node *a = j->parent; a && a != j->target && a->kind != N_FUNC;
           a = a->parent)
        if (a->kind == N_DEFER)
          {
            body = a;
            break;
          }
      break;
    case N_GOTO:
      if (!j->target || is_ancestor (body, j->target))
        return;
      break;
    default:
      return;
    }
  /* As the plugin: a return with a value is located at the value.  */
  int at = j->kind == N_RETURN && j->e1 <= j->e2 ? j->e1 : j->first;
  if (diag (DIAG_JUMP_OUT_OF_DEFER, at, jump_name (j)))
    diag_note (body->first, "the deferred body starts here");
}

/* The outermost deferred body around label L that does not contain token
   TOK, or NULL.  */
static Node *
defer_body_entered (Node *l, int tok)
{
  Node *entered = NULL;
  for (Node *a = l->parent; a && a->kind != N_FUNC; a = a->parent)
    if (a->kind == N_DEFER && !(a->first <= tok && tok <= a->last))
      entered = a;
  return entered;
}

/* jump-out-of-defer, the other way: a computed goto may reach every label
   whose address is taken, so the address of a label in a deferred body,
   taken outside that body, lets a jump enter the body.  At the `&&`.  */
static void
check_label_address_into_defer (int tok)
{
  Node *l = label_named (F, T (tok)->sym);
  if (l && defer_body_entered (l, tok)
      && diag (DIAG_LABEL_ADDRESS_INTO_DEFER, tok - 1, T (tok)->sym->name))
    diag_note (l->first, "the label is here");
}

/* A computed goto outside a deferred body whose label's address is taken
   only inside that body (taking it outside is reported at the `&&`).  */
static void
check_computed_goto_into_defer (Node *j)
{
  for (int i = 0; i < F->labels.n; i++)
    {
      Node *l = F->labels.v[i], *body;
      if (!l->address_taken || !(body = defer_body_entered (l, j->first)))
        continue;
      bool taken_outside = false;
      for (int k = 0; k < F->addr_labels.n; k++)
        {
          int a = (int) (intptr_t) F->addr_labels.v[k];
          taken_outside |= T (a)->sym == l->label
                           && !(body->first <= a && a <= body->last);
        }
      if (taken_outside)
        continue;
      if (diag (DIAG_COMPUTED_GOTO_INTO_DEFER, j->first, l->label->name))
        diag_note (l->first, "the label is here");
      return;
    }
}

/* The outermost `scope` or deferred body that contains TO but not FROM,
   below STOP.  */
static Node *
entered_scope (Node *to, Node *from, Node *stop)
{
  Node *entered = NULL;
  for (Node *a = to->parent; a && a != stop; a = a->parent)
    if ((a->kind == N_SCOPE || a->kind == N_DEFER) && !is_ancestor (a, from))
      entered = a;
  return entered;
}

static void
report_jump_into_scope (int tok, const char *what, Node *s)
{
  char msg[256];
  snprintf (msg, sizeof msg, "%s jumps into %s", what,
            s->kind == N_DEFER ? "a deferred body" : "a 'scope' body");
  if (diag (DIAG_JUMP_INTO_SCOPE, tok, msg))
    diag_note (s->first, s->kind == N_DEFER ? "the deferred body starts here"
                                            : "the 'scope' starts here");
}

static void
check_goto_into_scope (Node *j)
{
  if (!j->target)
    return;
  Node *s = entered_scope (j->target, j, NULL);
  if (s)
    report_jump_into_scope (j->first, "'goto'", s);
}

static void
check_case_into_scope (Node *c)
{
  Node *sw = c->target;
  if (!sw)
    return;
  Node *s = entered_scope (c, sw, sw);
  /* switch (e) scope { case ...: } enters the scope at its start.  */
  if (s && s->kind == N_SCOPE && s->parent == sw && sw->body == s)
    {
      Node *inner = NULL;
      for (Node *a = c->parent; a && a != s; a = a->parent)
        if (a->kind == N_SCOPE || a->kind == N_DEFER)
          inner = a;
      s = inner;
    }
  if (s)
    report_jump_into_scope (c->first, c->kind == N_CASE ? "'case' label"
                                                        : "'default' label", s);
}

/* The index of F's first defer that starts after token TOK (defers are
   in source order).  */
static int
first_defer_after (int tok)
{
  int lo = 0, hi = F->defers.n;
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      if (((Node *) F->defers.v[mid])->first <= tok)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
check_defer_reexecuted (Node *j)
{
  Node *l = j->target;
  if (!l || l->first > j->first)
    return;
  for (int i = first_defer_after (l->first); i < F->defers.n; i++)
    {
      Node *d = F->defers.v[i];
      if (d->first >= j->first)
        break;
      if (d->owner && d->first > l->first
          && is_ancestor (d->owner, l) && is_ancestor (d->owner, j))
        {
          if (diag (DIAG_DEFER_REEXECUTED, j->first, NULL))
            {
              diag_note (l->first, "the label is here");
              diag_note (d->first, "this 'defer' could be registered again");
            }
          return;
        }
    }
}

static bool
has_defers (Node *s)
{
  for (int i = 0; i < s->regs.n; i++)
    if (((Node *) s->regs.v[i])->kind == N_DEFER)
      return true;
  return false;
}

/* computed-goto-out-of-scope: GCC's cleanup machinery ignores computed
   gotos, asm goto and non-local gotos, so none may leave a scope with
   defers.  A jump at token TOK, inside node FROM, to one of TARGETS (NULL
   entries: outside this function; TARGETS NULL: any address-taken
   label) is reported at the innermost such scope it may leave.  */
static void
check_unlowered_jump (Node *from, int tok, const char *what, Vec *targets)
{
  for (Node *a = from; a; a = a->parent)
    {
      if (is_defer_scope (a) && has_defers (a))
        {
          bool leaves = false;
          if (targets)
            for (int i = 0; i < targets->n && !leaves; i++)
              leaves = !targets->v[i] || !is_ancestor (a, targets->v[i]);
          else
            for (int i = 0; i < F->labels.n && !leaves; i++)
              {
                Node *l = F->labels.v[i];
                leaves = l->address_taken && !is_ancestor (a, l);
              }
          if (leaves)
            {
              Node *d = NULL;
              for (int i = 0; i < a->regs.n && !d; i++)
                if (((Node *) a->regs.v[i])->kind == N_DEFER)
                  d = a->regs.v[i];
              if (diag (DIAG_COMPUTED_GOTO_OUT_OF_SCOPE, tok, what))
                diag_note (d->first, "this 'defer' would not run");
              return;
            }
        }
      if (a->kind == N_FUNC)
        break;
    }
}

static void
check_computed_goto (Node *j)
{
  Vec labels = { 0 };
  if (j->kind == N_CGOTO)
    check_unlowered_jump (j->parent, j->first, "a computed 'goto'", NULL);
  else if (j->kind == N_ASM && asm_goto_labels (F, j, &labels))
    check_unlowered_jump (j->parent, j->first, "'asm goto'", &labels);
  else if (j->kind == N_GOTO && !j->target && nonlocal_label (F, j))
    {
      vec_push (&labels, NULL);
      check_unlowered_jump (j->parent, j->first, "a non-local 'goto'", &labels);
    }
}


/* The innermost node around token TOK.  Children are in source order and
   do not overlap: the candidate is the last one that starts at or before
   TOK.  */
static Node *
node_at (Node *n, int tok)
{
  int lo = 0, hi = n->kids.n;
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      if (((Node *) n->kids.v[mid])->first <= tok)
        lo = mid + 1;
      else
        hi = mid;
    }
  Node *k = lo ? n->kids.v[lo - 1] : NULL;
  if (k && tok <= k->last && k->kind != N_FUNC)
    return node_at (k, tok);
  return n;
}

/* The first registration (in source order) made before token TOK in a
   scope around node AT: a defer, or when DEFERS_ONLY is false also a
   cleanup variable.  */
static Node *
first_registration_around (Node *at, int tok, bool defers_only)
{
  Node *first = NULL;
  for (Node *a = at; a; a = a->parent)
    {
      for (int i = 0; i < a->regs.n; i++)
        {
          Node *d = a->regs.v[i];
          if (defers_only && d->kind != N_DEFER)
            continue;
          if (reg_pos (d) < tok && (!first || d->first < first->first))
            first = d;
          break;
        }
      if (a == F->node)
        break;
    }
  return first;
}

Node *
pending_registration (Func *f, int tok)
{
  F = f;
  return first_registration_around (node_at (f->node, tok), tok, false);
}

/* exit-skips-defer and longjmp-skips-defer.  */
static void
check_calls (void)
{
  for (int i = 0; i < F->uses.n; i++)
    {
      Use *u = F->uses.v[i];
      if (T (u->tok + 1)->kind != '(' || (u->var && !u->var->file_scope))
        continue;
      const char *name = T (u->tok)->sym->name;
      enum cd_call_class cls = cd_classify_call (name);
      /* With -fexceptions thrd_exit unwinds and runs deferred bodies;
         exit-skips-defer names thrd_exit only (SPEC 4).  */
      bool is_exit = cls == CD_CALL_EXIT
                     || (!flag_exceptions && !strcmp (name, "thrd_exit"));
      bool is_longjmp = cls == CD_CALL_LONGJMP;
      if (!is_exit && !is_longjmp)
        continue;
      Node *at = node_at (F->node, u->tok);
      if (is_exit)
        {
          Node *d = first_registration_around (at, u->tok, true);
          if (d && diag (DIAG_EXIT_SKIPS_DEFER, u->tok, name))
            diag_note (d->first, "this deferred body would be pending");
          continue;
        }
      /* longjmp: the first pending defer that no setjmp after it in its
         scope catches.  */
      for (int k = 0; k < F->defers.n; k++)
        {
          Node *d = F->defers.v[k];
          if (d->first > u->tok || !d->owner || !is_ancestor (d->owner, at))
            continue;
          bool caught = false;
          for (int m = 0; m < F->uses.n && !caught; m++)
            {
              Use *s = F->uses.v[m];
              caught = s->tok > d->first
                       && (cd_classify_call (T (s->tok)->sym->name)
                           == CD_CALL_SETJMP)
                       && is_ancestor (d->owner, node_at (F->node, s->tok));
            }
          if (caught)
            continue;
          if (diag (DIAG_LONGJMP_SKIPS_DEFER, u->tok, name))
            diag_note (d->first, "this deferred body would not run");
          break;
        }
    }
}

/* Model ts: a jump forward past a defer into its scope (TS 25755: the
   jump would skip the defer but not its end of scope).  FROM_POS/FROM:
   where the jump is (a switch for case labels); TO: its target.  */
/* The first defer registered in scope S (which contains TO) that a jump
   from FROM (at token FROM_POS) to TO passes: after FROM_POS when the jump
   comes from inside S, else any; before TO and not around it.  */
static Node *
defer_jumped_past (Node *s, int from_pos, Node *from, Node *to)
{
  int i = 0;
  if (is_ancestor (s, from))
    {
      int hi = s->regs.n;
      while (i < hi)
        {
          int mid = i + (hi - i) / 2;
          if (reg_pos (s->regs.v[mid]) <= from_pos)
            i = mid + 1;
          else
            hi = mid;
        }
    }
  for (; i < s->regs.n && reg_pos (s->regs.v[i]) < to->first; i++)
    {
      Node *d = s->regs.v[i];
      if (d->kind == N_DEFER && !is_ancestor (d, to))
        return d;
    }
  return NULL;
}

static void
check_jump_past_defer (int tok, int from_pos, Node *from, Node *to,
                       const char *what)
{
  Node *first = NULL;
  for (Node *a = to->parent; a; a = a->parent)
    {
      Node *d = a->regs.n ? defer_jumped_past (a, from_pos, from, to) : NULL;
      if (d && (!first || d->first < first->first))
        first = d;
      if (a == F->node)
        break;
    }
  if (!first)
    return;
  char msg[256];
  snprintf (msg, sizeof msg, "%s jumps past a 'defer' into its scope", what);
  if (diag (DIAG_JUMP_INTO_SCOPE, tok, msg))
    diag_note (first->first, "the 'defer' is here");
}

static void
check_jumps_past_defers (void)
{
  for (int i = 0; i < F->jumps.n; i++)
    {
      Node *j = F->jumps.v[i];
      if (j->kind == N_GOTO && j->target)
        check_jump_past_defer (j->first, j->first, j, j->target, "'goto'");
      else if (j->kind == N_ASM)
        {
          Vec labels = { 0 };
          if (asm_goto_labels (F, j, &labels))
            for (int k = 0; k < labels.n; k++)
              if (labels.v[k])
                check_jump_past_defer (j->first, j->first, j, labels.v[k],
                                       "'asm goto'");
        }
    }
  for (int i = 0; i < F->cases.n; i++)
    {
      Node *c = F->cases.v[i];
      if (c->target)
        check_jump_past_defer (c->first, c->target->first, c->target, c,
                               c->kind == N_CASE ? "'case' label"
                                                 : "'default' label");
    }
}

/* The uses of a nested function that may goto a label of F: a jump from
   the use to those labels (the call, or wherever the address goes).  */
static void
check_nonlocal_entries (void)
{
  for (int i = 0; i < F->uses.n; i++)
    {
      Use *u = F->uses.v[i];
      Vec *targets = nonlocal_targets_of_use (F, u);
      if (!targets)
        continue;
      char what[256];
      snprintf (what, sizeof what,
                "a non-local 'goto' from nested function '%s'",
                T (u->tok)->sym->name);
      Node *at = node_at (F->node, u->tok);
      check_unlowered_jump (at, u->tok, what, targets);
      if (model_ts)
        for (int k = 0; k < targets->n; k++)
          check_jump_past_defer (u->tok, u->tok, at, targets->v[k],
                                 "a non-local 'goto'");
    }
}

void
check_function (Func *f)
{
  F = f;
  mark_do_zero (f->node);
  for (int i = 0; i < F->defers.n; i++)
    {
      Node *d = F->defers.v[i];
      if (d->owner)
        {
          if (!check_defer_in_loop (d))
            check_escaping_capture (d);
          check_defer_in_plain_block (d);
        }
      check_defer_body (d);
      check_defer_before_check (f, d);
      check_address_escape (f, d);
      F = f;
    }
  for (int i = 0; i < F->jumps.n; i++)
    {
      Node *j = F->jumps.v[i];
      check_jump_out_of_defer (j);
      if (j->kind == N_GOTO)
        {
          check_goto_into_scope (j);
          /* In model ts a backward goto leaves the defer's scope.  */
          if (!model_ts)
            check_defer_reexecuted (j);
        }
      if (j->kind == N_CGOTO || j->kind == N_ASM || j->kind == N_GOTO)
        check_computed_goto (j);
      if (j->kind == N_CGOTO)
        check_computed_goto_into_defer (j);
    }
  for (int i = 0; i < F->addr_labels.n; i++)
    check_label_address_into_defer ((int) (intptr_t) F->addr_labels.v[i]);
  for (int i = 0; i < F->cases.n; i++)
    check_case_into_scope (F->cases.v[i]);
  if (model_ts)
    check_jumps_past_defers ();
  check_nonlocal_entries ();
  check_calls ();
}
