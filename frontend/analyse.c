/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analyse.c - what the checks and the lowering need to know about one
   function: its defers, registrations, labels and jumps; which scope each
   defer registers in; which jumps must run deferred bodies on the way out
   (and through which scopes); which registrations need a flag.

   Registrations are defers (in their defer scope: function body, `scope`
   body, deferred body, statement expression) and variables with
   __attribute__((cleanup)) (in their block).  A scope with registrations
   runs them, last registered first, at its single exit point: the end of
   its block.  Jumps that leave it after something was registered go there
   first, and a per-scope destination number says where to continue.  */

#include "fe.h"
#include "parse.h"
#include <limits.h>
#include <stdint.h>
#include <string.h>

static Func *F;
static int scope_counter, flag_counter;

bool
is_defer_scope (Node *n)
{
  return n->kind == N_FUNC || n->kind == N_SCOPE || n->kind == N_DEFER
         || (n->kind == N_BLOCK && (n->stmtexpr || n->omp || opt.model_ts));
}

/* The block whose end is the exit point of scope S (NULL: not a compound
   statement, the lowering wraps it).  */
Node *
scope_block (Node *s)
{
  if (s->kind == N_BLOCK)
    return s;
  if (s->body && s->body->kind == N_BLOCK && s->body->is_body)
    return s->body;
  return NULL;
}

static bool
is_loop (Node *n)
{
  return n->kind == N_WHILE || n->kind == N_FOR || n->kind == N_DO;
}

/* Registration position: a defer registers where it stands; a cleanup
   variable once its whole declaration has run.  */
int
reg_pos (Node *r)
{
  return r->kind == N_DECL ? r->last : r->first;
}

/* Labels by function and name (the first definition of a name).  */
static Map labels_by_name;

static void know_labels (Func *f);

Node *
label_named (Func *f, Sym *s)
{
  know_labels (f);
  return map_get (&labels_by_name, f, s);
}

static Node *
find_label (Sym *s)
{
  return label_named (F, s);
}

/* The labels of F, on first need (also of a function that is not
   analysed: a GNU nested function's outer function, or a nested function
   without defers).  */
static void
add_labels (Func *f, Node *n)
{
  if (n->kind == N_LABEL && !map_get (&labels_by_name, f, n->label))
    map_put (&labels_by_name, f, n->label, n);
  for (int i = 0; i < n->kids.n; i++)
    if (((Node *) n->kids.v[i])->kind != N_FUNC)
      add_labels (f, n->kids.v[i]);
}

static void
know_labels (Func *f)
{
  if (!map_get (&labels_by_name, f, NULL))
    {
      add_labels (f, f->node);
      map_put (&labels_by_name, f, NULL, f);
    }
}

/* ---- non-local gotos ----

   A GNU nested function may `goto` a label of a function it is nested in
   (declared with __label__).  GCC implements that like a computed jump:
   its cleanup machinery does not run for it, and the label is reachable
   from wherever the nested function is called.  */

/* The label that `goto S` in F reaches in an enclosing function of F, or
   NULL (a label of F itself, or none).  STOP: do not look further out
   than STOP.  */
static Node *
outer_label (Func *f, Sym *s, Func *stop)
{
  know_labels (f);
  if (label_named (f, s))
    return NULL;
  for (Func *o = f->outer; o; o = o->outer)
    {
      know_labels (o);
      Node *l = label_named (o, s);
      if (l || o == stop)
        return l;
    }
  return NULL;
}

Node *
nonlocal_label (Func *f, Node *j)
{
  return j->kind == N_GOTO && f->outer ? outer_label (f, j->label, NULL)
                                       : NULL;
}

/* Push to OUT the labels of OUTER that the gotos in N (code of function
   CUR, nested in OUTER) reach.  */
static void
gather_nonlocal (Func *outer, Func *cur, Node *n, Vec *out)
{
  if (n->kind == N_FUNC && n->func != cur)
    cur = n->func;
  if (n->kind == N_GOTO)
    {
      Node *l = outer_label (cur, n->label, outer);
      bool have = false;
      for (int i = 0; l && i < out->n && !have; i++)
        have = out->v[i] == l;
      if (l && !have && is_ancestor (outer->node, l))
        vec_push (out, l);
    }
  for (int i = 0; i < n->kids.n; i++)
    gather_nonlocal (outer, cur, n->kids.v[i], out);
}

/* The GNU nested functions defined directly in F (NULL if none).  */
static Map children;
static bool children_known;

static Vec *
nested_functions (Func *f)
{
  if (!children_known)
    {
      for (int i = 0; i < unit->functions.n; i++)
        {
          Func *g = unit->functions.v[i];
          Vec *v = g->outer ? map_get (&children, g->outer, NULL) : NULL;
          if (g->outer && !v)
            {
              v = NEW (Vec);
              map_put (&children, g->outer, NULL, v);
            }
          if (v)
            vec_push (v, g);
        }
      children_known = true;
    }
  return map_get (&children, f, NULL);
}

/* (Func, name of a nested function) -> Vec of the labels of Func that
   the nested function (or one nested in it) reaches by a non-local goto;
   (Func, NULL) -> all of them, once computed.  */
static Map nonlocal_by_name;

static Vec *
nonlocal_targets (Func *f, Sym *name)
{
  if (!map_get (&nonlocal_by_name, f, NULL))
    {
      Vec *all = NEW (Vec), *nested = nested_functions (f);
      for (int i = 0; nested && i < nested->n; i++)
        {
          Func *g = nested->v[i];
          Vec *targets = NEW (Vec);
          gather_nonlocal (f, g, g->node, targets);
          if (targets->n)
            map_put (&nonlocal_by_name, f, T (g->name)->sym, targets);
          for (int t = 0; t < targets->n; t++)
            vec_push (all, targets->v[t]);
        }
      map_put (&nonlocal_by_name, f, NULL, all);
    }
  return map_get (&nonlocal_by_name, f, name);
}

/* The labels of F that the use U may reach by a non-local goto: U names
   a nested function of F that jumps to them (NULL if none).  */
Vec *
nonlocal_targets_of_use (Func *f, Use *u)
{
  if (!u->var || u->var->kind != B_FUNC || u->var->file_scope)
    return NULL;
  return nonlocal_targets (f, u->var->sym);
}

static bool
has_cleanup (Node *d)
{
  for (int i = 0; i < d->vars.n; i++)
    if (((Var *) d->vars.v[i])->cleanup)
      return true;
  return false;
}

/* asm goto: push the labels named after the fourth ':' (NULL for a name
   that is no label of F) to OUT; false if J is not an asm goto.  */
bool
asm_goto_labels (Func *f, Node *j, Vec *out)
{
  int i = j->first + 1;
  bool is_goto = false;
  for (; i <= j->last && T (i)->kind != '('; i++)
    if (T (i)->kind == GOTO)
      is_goto = true;
  if (!is_goto)
    return false;
  int depth = 0, colons = 0;
  for (; i <= j->last; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        depth++;
      else if (k == ')' || k == ']')
        depth--;
      else if (k == ':' && depth == 1)
        colons++;
      else if (colons == 4 && depth == 1
               && (k == IDENTIFIER || k == TYPEDEF_NAME))
        vec_push (out, label_named (f, T (i)->sym));
    }
  return true;
}

/* Pre-order walk: collect everything, in source order.  */
static void
collect (Node *n)
{
  switch (n->kind)
    {
    case N_DEFER: vec_push (&F->defers, n); break;
    case N_LABEL:
      vec_push (&F->labels, n);
      break;
    case N_CASE: case N_DEFAULT: vec_push (&F->cases, n); break;
    case N_GOTO: case N_CGOTO: case N_BREAK: case N_CONTINUE: case N_RETURN:
      vec_push (&F->jumps, n);
      break;
    case N_ASM:
      vec_push (&F->jumps, n);
      break;
    case N_DECL:
      if (has_cleanup (n) && n->parent && n->parent->kind == N_BLOCK)
        vec_push (&F->cleanups, n);
      break;
    case N_SCOPE:
      F->needs_lowering = true;
      break;
    case N_BLOCK:
      if (n->stmtexpr && n->parent && n->parent->kind == N_EXPR
          && n->parent->e1 == n->first - 1 && n->parent->e2 == n->last + 1)
        n->value_unused = true;
      break;
    default:
      break;
    }
  for (int i = 0; i < n->kids.n; i++)
    {
      Node *k = n->kids.v[i];
      if (k->kind != N_FUNC)       /* nested functions: analysed alone */
        collect (k);
    }
}

static bool
is_selection_or_loop (Node *n)
{
  return n->kind == N_IF || n->kind == N_SWITCH || is_loop (n);
}

/* Model ts: the innermost block (the body block of a function, `scope` or
   deferred body is that construct's scope).  A defer that is, but for
   labels, the whole body of an if/else/loop/switch is alone in that
   implicit block: it is immediate (NULL).  */
static Node *
owner_of_defer_ts (Node *d)
{
  Node *child = d;
  for (Node *a = d->parent; a; child = a, a = a->parent)
    {
      if (a->kind == N_BLOCK)
        return a->is_body ? a->parent : a;
      if (a->kind == N_FUNC || a->kind == N_SCOPE || a->kind == N_DEFER)
        return a;
      if (is_selection_or_loop (a) && (a->body == child || a->els == child))
        return NULL;
    }
  return F->node;
}

static Node *
owner_of_defer (Node *d)
{
  if (opt.model_ts)
    return owner_of_defer_ts (d);
  for (Node *a = d->parent; a; a = a->parent)
    if (is_defer_scope (a))
      return a;
  return F->node;
}

static Node *
owner_of_decl (Node *d)
{
  Node *b = d->parent;
  return b->is_body ? b->parent : b;
}

/* Is A the node N or one of its ancestors?  */
bool
is_ancestor (Node *a, Node *n)
{
  for (; n; n = n->parent)
    if (n == a)
      return true;
  return false;
}

static void
find_targets (void)
{
  for (int i = 0; i < F->jumps.n; i++)
    {
      Node *j = F->jumps.v[i];
      Node *a;
      switch (j->kind)
        {
        case N_GOTO:
          j->target = find_label (j->label);
          break;
        case N_BREAK:
        case N_CONTINUE:
          for (a = j->parent; a && a->kind != N_FUNC; a = a->parent)
            if (is_loop (a) || (j->kind == N_BREAK && a->kind == N_SWITCH))
              break;
          j->target = a && a->kind != N_FUNC ? a : NULL;
          break;
        case N_RETURN:
          j->target = F->node;
          break;
        default:
          break;
        }
    }
  for (int i = 0; i < F->cases.n; i++)
    {
      Node *c = F->cases.v[i];
      Node *a;
      for (a = c->parent; a && a->kind != N_FUNC; a = a->parent)
        if (a->kind == N_SWITCH)
          break;
      c->target = a && a->kind == N_SWITCH ? a : NULL;
    }
  for (int i = 0; i < F->addr_labels.n; i++)
    {
      Node *l = find_label (T ((int) (intptr_t) F->addr_labels.v[i])->sym);
      if (l)
        l->address_taken = true;
    }
}

/* The registrations of one scope do not overlap (a defer inside an
   initialiser belongs to its statement expression), so their positions
   are increasing.  */
static bool
registered_before (Node *s, int pos)
{
  return s->regs.n && reg_pos (s->regs.v[0]) < pos;
}

/* The index in F's uses of the first one at or after token TOK (uses are
   recorded in token order).  */
int
first_use_from (Func *f, int tok)
{
  int lo = 0, hi = f->uses.n;
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      if (((Use *) f->uses.v[mid])->tok < tok)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The last registration of S before POS (0 if none: the first).  */
int
last_reg_before (Node *s, int pos)
{
  int lo = 0, hi = s->regs.n - 1;
  while (lo < hi)
    {
      int mid = lo + (hi - lo + 1) / 2;
      if (reg_pos (s->regs.v[mid]) < pos)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

/* The scopes (with something registered before it) that jump J leaves,
   innermost first.  */
static void
plan_exit (Node *j)
{
  if (!j->target)
    return;
  Exit *e = NEW (Exit);
  e->jump = j;
  Node *common = NULL;
  for (Node *a = j->parent; a; a = a->parent)
    {
      if (j->kind == N_GOTO && is_ancestor (a, j->target))
        {
          common = a;
          break;
        }
      if ((j->kind == N_BREAK || j->kind == N_CONTINUE) && a == j->target)
        break;
      if (a->kind == N_BLOCK && a->is_body)
        continue;
      if ((a->kind == N_BLOCK || is_defer_scope (a)) && a->regs.n
          && registered_before (a, j->first))
        vec_push (&e->chain, a);
      if (a->kind == N_FUNC)
        break;
    }
  /* Model ts: a backward goto to before a defer leaves the defer's scope
     (TS 25755): the bodies registered between the label and the goto run
     first.  */
  Node *ps = NULL;
  if (opt.model_ts && common && j->target->first < j->first)
    {
      for (Node *a = common; a; a = a->parent)
        if (a->kind == N_BLOCK && a->is_body)
          {
            ps = a->parent;
            break;
          }
        else if (is_defer_scope (a))
          {
            ps = a;
            break;
          }
      if (ps && ps->regs.n && registered_before (ps, j->first))
        {
          int k = last_reg_before (ps, j->first);
          int m = k;
          while (m > 0 && reg_pos (ps->regs.v[m - 1]) > j->target->first)
            m--;
          if (reg_pos (ps->regs.v[m]) > j->target->first)
            {
              vec_push (&e->chain, ps);
              e->partial = true;
              e->stop = m;
              ps->has_partial = true;
            }
        }
    }
  if (!e->chain.n)
    return;
  e->code = ++F->nexits;
  j->exit = e;
  for (int i = 0; i < e->chain.n; i++)
    {
      Node *s = e->chain.v[i];
      s->has_jumps = true;
      vec_push (&s->dispatch, e);
      if (i < 16)
        e->entry[i] = last_reg_before (s, j->first);
    }
}

/* Where control can come from into a label or case: a position P such
   that a registration R with P < reg_pos (R) < the label, and the label in
   R's scope, means that R's scope can be reached after R without passing
   R.  For a label: the first goto or asm goto to it (-1 if its address
   is taken or a nested function jumps to it: that may come from
   anywhere); for a case label: its switch.  */
static int *
label_sources (void)
{
  int *src = xalloc ((F->labels.n + 1) * sizeof *src);
  for (int i = 0; i < F->labels.n; i++)
    {
      Node *l = F->labels.v[i];
      src[i] = l->address_taken ? -1 : INT_MAX;
      l->id = i;        /* labels are neither scopes nor registrations */
    }
  for (int k = 0; k < F->jumps.n; k++)
    {
      Node *g = F->jumps.v[k];
      if (g->kind == N_GOTO && g->target && g->first < src[g->target->id])
        src[g->target->id] = g->first;
      Vec targets = { 0 };
      if (g->kind == N_ASM && asm_goto_labels (F, g, &targets))
        for (int t = 0; t < targets.n; t++)
          {
            Node *l = targets.v[t];
            if (l && g->first < src[l->id])
              src[l->id] = g->first;
          }
    }
  /* A label that a nested function reaches by a non-local goto is
     reachable from wherever that function is called.  */
  Vec *nonlocal = nonlocal_targets (F, NULL);
  for (int t = 0; t < nonlocal->n; t++)
    src[((Node *) nonlocal->v[t])->id] = -1;
  return src;
}

static int *
case_sources (void)
{
  int *src = xalloc ((F->cases.n + 1) * sizeof *src);
  for (int i = 0; i < F->cases.n; i++)
    {
      Node *c = F->cases.v[i];
      src[i] = c->target ? c->target->first : INT_MAX;
    }
  return src;
}

/* The index of the first node of V (in source order) that starts after
   token TOK.  */
static int
first_after (Vec *v, int tok)
{
  int lo = 0, hi = v->n;
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      if (((Node *) v->v[mid])->first <= tok)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The flags of scope S's cleanup variables (a defer's flag is the core's
   decision, SPEC 3.7: check.c; a cleanup variable is the lowering's own
   business, the plugin leaves those to GCC).  R needs a flag when control
   can reach a point after R in S other than by passing R: a label or case
   label after R in S is reached from before R.  (Exits enter the exit
   code after the bodies of what cannot be registered yet, see plan_exit:
   they need no flags.)  Labels and cases are in source order; walking R
   backwards from the end of S, the labels after R are a growing suffix,
   so the earliest source among them is a running minimum.  */
static void
mark_flags (Node *s, int *label_src, int *case_src)
{
  Node *blk = scope_block (s);
  int li = first_after (&F->labels, s->last) - 1;
  int ci = first_after (&F->cases, s->last) - 1;
  int earliest = INT_MAX;
  for (int k = s->regs.n - 1; k >= 0; k--)
    {
      Node *r = s->regs.v[k];
      int pos = reg_pos (r);
      for (; li >= 0 && ((Node *) F->labels.v[li])->first > pos; li--)
        earliest = label_src[li] < earliest ? label_src[li] : earliest;
      for (; ci >= 0 && ((Node *) F->cases.v[ci])->first > pos; ci--)
        earliest = case_src[ci] < earliest ? case_src[ci] : earliest;
      if (r->kind == N_DECL)
        r->flag = r->parent != (blk ? blk : s) || earliest < pos;
    }
}

void
analyse_function (Func *f)
{
  F = f;
  know_labels (f);
  collect (f->node);
  find_targets ();
  if (F->defers.n)
    F->needs_lowering = true;
  /* Registrations, in source order, in their scopes.  Defers and cleanup
     declarations interleave by position.  */
  int i = 0, k = 0;
  while (i < F->defers.n || k < F->cleanups.n)
    {
      Node *d = i < F->defers.n ? F->defers.v[i] : NULL;
      Node *c = k < F->cleanups.n ? F->cleanups.v[k] : NULL;
      Node *r = (!c || (d && d->first < c->first)) ? (i++, d) : (k++, c);
      r->owner = r->kind == N_DEFER ? owner_of_defer (r) : owner_of_decl (r);
      if (!r->owner)
        {
          r->immediate = true;       /* model ts: nothing to register */
          continue;
        }
      if (!r->owner->regs.n)
        {
          r->owner->sid = ++scope_counter;
          vec_push (&F->scopes, r->owner);
        }
      vec_push (&r->owner->regs, r);
      F->needs_lowering = true;
    }
  for (i = 0; i < F->jumps.n; i++)
    {
      Node *j = F->jumps.v[i];
      if (j->kind == N_GOTO || j->kind == N_BREAK || j->kind == N_CONTINUE
          || j->kind == N_RETURN)
        plan_exit (j);
    }
  int *label_src = label_sources (), *case_src = case_sources ();
  for (i = 0; i < F->scopes.n; i++)
    {
      Node *s = F->scopes.v[i];
      mark_flags (s, label_src, case_src);
      for (k = 0; k < s->regs.n; k++)
        ((Node *) s->regs.v[k])->id = ++flag_counter;
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

/* The first registration (in source order), a defer or a cleanup
   variable, made before token TOK in a scope around it.  */
Node *
pending_registration (Func *f, int tok)
{
  Node *first = NULL;
  for (Node *a = node_at (f->node, tok); a; a = a->parent)
    {
      if (a->regs.n)
        {
          Node *r = a->regs.v[0];
          if (reg_pos (r) < tok && (!first || r->first < first->first))
            first = r;
        }
      if (a == f->node)
        break;
    }
  return first;
}

/* The unit ends: its functions' caches go with it.  */
void
analyse_end_unit (void)
{
  labels_by_name = children = nonlocal_by_name = (Map) { 0 };
  children_known = false;
  scope_counter = flag_counter = 0;
}
