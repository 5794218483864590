/* SPDX-License-Identifier: GPL-3.0-or-later */
/* describe.c - the front end as a reader for the rule engine (core/): one
   function's statement tree, told in source order through the builder of
   cdefer-core.h.  Nothing about defer is decided here; this file only says
   what the source holds (blocks and their roles, defers, labels, jumps,
   calls), so that the plugin, reading GCC's trees, can say the same and the
   core can give both the same answers.  A cd_loc is a token index.  */

#include "fe.h"
#include "parse.h"
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What happens inside expressions, merged in token order with the walk of
   the statements: calls, `&&label`, uses of a nested function that can
   jump back into this function by a non-local goto, and the facts about
   variables (values.c).  */
enum { X_CALL, X_LABEL_ADDRESS, X_NONLOCAL_ENTRY, X_VALUE };
typedef struct Xev {
  int tok, sub, tie;      /* where it is, for the order */
  int kind;
  const void *p;          /* Call *, the label's token, Use *, ValueEvent * */
} Xev;

typedef struct Describer {
  Func *f;
  cd_func *cd;
  Xev *x;
  int nx, next;           /* events, the first not yet told */
  Map vars;               /* the function's own variables by block */
} Describer;

static int
cmp_xev (const void *a, const void *b)
{
  const Xev *x = a, *y = b;
  if (x->tok != y->tok)
    return (x->tok > y->tok) - (x->tok < y->tok);
  if (x->sub != y->sub)
    return (x->sub > y->sub) - (x->sub < y->sub);
  return (x->tie > y->tie) - (x->tie < y->tie);
}

static int
cmp_span_first (const void *a, const void *b)
{
  const Span *x = *(Span *const *) a, *y = *(Span *const *) b;
  return (x->first > y->first) - (x->first < y->first);
}

/* Which tokens of F are in an operand that is not evaluated (sizeof,
   typeof, ...): one byte per token of F's span, so that each question is
   one look (a function may hold thousands of both).  Nested spans are
   marked once: spans in order of their start, each from where the ones
   before it ended.  */
static char *
unevaluated_tokens (Func *f)
{
  int first = f->node->first, n = f->node->last - first + 1;
  char *mark = calloc (n + 1, 1);
  Span **spans = malloc ((f->unevaluated.n + 1) * sizeof *spans);
  if (!mark || !spans)
    abort ();
  for (int i = 0; i < f->unevaluated.n; i++)
    spans[i] = f->unevaluated.v[i];
  qsort (spans, f->unevaluated.n, sizeof *spans, cmp_span_first);
  int done = first - 1;
  for (int i = 0; i < f->unevaluated.n; i++)
    {
      int from = spans[i]->first > done ? spans[i]->first : done + 1;
      for (int t = from; t <= spans[i]->last && t - first < n; t++)
        if (t >= first)
          mark[t - first] = 1;
      if (spans[i]->last > done)
        done = spans[i]->last;
    }
  free (spans);
  return mark;
}

static bool
unevaluated_at (Func *f, const char *mark, int tok)
{
  int i = tok - f->node->first;
  return i >= 0 && i <= f->node->last - f->node->first && mark[i];
}

static Use *
use_at (Func *f, int tok)
{
  int i = first_use_from (f, tok);
  return i < f->uses.n && ((Use *) f->uses.v[i])->tok == tok
         ? f->uses.v[i] : NULL;
}

/* Collect F's expression events in evaluation order: a call after its
   callee and arguments (at its ')': `f (g (x))` tells g, then f).  */
static void
gather_expression_events (Describer *d)
{
  Func *f = d->f;
  char *mark = unevaluated_tokens (f);
  Vec values = value_events (f, mark);
  int cap = f->calls.n + f->addr_labels.n + f->uses.n + values.n + 1;
  d->x = malloc (cap * sizeof *d->x);
  if (!d->x)
    abort ();
  for (int i = 0; i < f->calls.n; i++)
    {
      Call *c = f->calls.v[i];
      if (!unevaluated_at (f, mark, c->rparen))
        d->x[d->nx++] = (Xev) { c->rparen, 1, 0, X_CALL, c };
    }
  for (int i = 0; i < f->addr_labels.n; i++)
    {
      int tok = (int) (intptr_t) f->addr_labels.v[i];
      if (!unevaluated_at (f, mark, tok))
        d->x[d->nx++] = (Xev) { tok - 1, 1, 0, X_LABEL_ADDRESS,
                                (void *) (intptr_t) tok };
    }
  for (int i = 0; i < f->uses.n; i++)
    {
      Use *u = f->uses.v[i];
      if (nonlocal_targets_of_use (f, u) && !unevaluated_at (f, mark, u->tok))
        d->x[d->nx++] = (Xev) { u->tok, 1, 0, X_NONLOCAL_ENTRY, u };
    }
  for (int i = 0; i < values.n; i++)
    {
      ValueEvent *e = values.v[i];
      d->x[d->nx++] = (Xev) { e->tok, e->sub, e->tie, X_VALUE, e };
    }
  qsort (d->x, d->nx, sizeof *d->x, cmp_xev);
  free (mark);
}

/* The callee of call C without its parentheses, [*FIRST, *LAST]:
   `(exit) (0)` calls exit.  */
static void
strip_callee_parens (Call *c, int *first, int *last)
{
  int i = c->first, j = c->last;
  while (i < j && T (i)->kind == '(' && T (j)->kind == ')')
    {
      int depth = 0, k = i;
      for (; k <= j; k++)
        if (T (k)->kind == '(')
          depth++;
        else if (T (k)->kind == ')' && --depth == 0)
          break;
      if (k != j)
        break;            /* `(f) (x)` as a callee: not one group */
      i++, j--;
    }
  *first = i;
  *last = j;
}

/* The name of the function call C calls directly, or NULL (through a
   pointer).  */
static const char *
callee_name (Func *f, Call *c)
{
  int i, j;
  strip_callee_parens (c, &i, &j);
  if (i != j || T (i)->kind != IDENTIFIER)
    return NULL;
  Use *u = use_at (f, i);
  if (u && u->var && u->var->kind != B_FUNC)
    return NULL;          /* a function pointer object */
  return T (i)->sym->name;
}

/* The key the core knows label S of F by: its (first) definition, or the
   name when F defines no such label.  */
static const void *
label_key (Func *f, Sym *s)
{
  Node *l = label_named (f, s);
  return l ? (const void *) l : (const void *) s;
}

static void
tell_expression_event (Describer *d, Xev *x)
{
  Func *f = d->f;
  switch (x->kind)
    {
    case X_CALL:
      {
        /* Located where GCC locates a call: at its callee's first token
           (the '(' of `(exit) (0)`).  */
        Call *c = (Call *) x->p;
        cd_call (d->cd, callee_name (f, c), false, c->first);
        break;
      }
    case X_LABEL_ADDRESS:
      {
        int tok = (int) (intptr_t) x->p;
        cd_label_address (d->cd, label_key (f, T (tok)->sym), tok - 1);
        break;
      }
    case X_VALUE:
      tell_value_event (d->cd, (ValueEvent *) x->p);
      break;
    case X_NONLOCAL_ENTRY:
      {
        Use *u = (Use *) x->p;
        Vec *targets = nonlocal_targets_of_use (f, u);
        cd_nonlocal_entry (d->cd, T (u->tok)->sym->name,
                           (const void *const *) targets->v, targets->n,
                           u->tok);
        break;
      }
    }
}

/* Tell the expression events before token TOK.  */
static void
flush (Describer *d, int tok)
{
  while (d->next < d->nx && d->x[d->next].tok < tok)
    tell_expression_event (d, &d->x[d->next++]);
}

/* The role of N if it is the substatement of an if, a loop or a switch;
   CD_ROLE_NONE if it is not.  */
static enum cd_block_role
substatement_role (Node *n)
{
  Node *p = n->parent;
  if (!p || (p->body != n && p->els != n))
    return CD_ROLE_NONE;
  switch (p->kind)
    {
    case N_IF: return CD_ROLE_IF_ARM;
    case N_SWITCH: return CD_ROLE_SWITCH_BODY;
    case N_WHILE: case N_FOR: case N_DO: return CD_ROLE_LOOP_BODY;
    default: return CD_ROLE_NONE;
    }
}

/* `defer ;`, `defer { }`, `defer { ; }`: nothing to run.  */
static bool
empty_body (Node *b)
{
  if (b->kind == N_NULL)
    return true;
  if (b->kind != N_BLOCK)
    return false;
  for (int i = 0; i < b->kids.n; i++)
    if (((Node *) b->kids.v[i])->kind != N_NULL)
      return false;
  /* A declaration that declares nothing (a struct tag) is no node.  */
  for (int i = b->first + 1; i < b->last; i++)
    if (T (i)->kind != ';')
      return false;
  return true;
}

/* The text of a condition for the core's integer-constant-expression
   test, with the token at each byte so that the names it asks about can
   be placed (block-scope bindings are gone once a function is parsed;
   the uses are not).  */
/* The text of a condition for the core's integer-constant-expression
   test, with the token at each byte so that the names it asks about can
   be placed (block-scope bindings are gone once a function is parsed;
   the uses are not).  */
typedef struct ConditionText {
  Func *f;
  char *text;
  int *tok_at;            /* per byte of TEXT: its token */
} ConditionText;

static enum cd_name_kind
condition_name_kind (void *ctx, const char *name, size_t len)
{
  ConditionText *c = ctx;
  int tok = c->tok_at[name - c->text];
  Use *u = use_at (c->f, tok);
  Var *v = u ? u->var : NULL;
  if (!v && T (tok)->sym && T (tok)->sym->bind)
    v = T (tok)->sym->bind->var;
  if (!v)
    return CD_NAME_UNKNOWN;
  switch (v->kind)
    {
    case B_ENUM:
      return CD_NAME_ENUMERATOR;
    case B_TYPEDEF:
      return typedef_is_integer (tok) ? CD_NAME_INT_TYPE : CD_NAME_OTHER_TYPE;
    default:
      return CD_NAME_OBJECT;
    }
}

/* do { } while (E) with E an integer constant expression equal to 0.
   Whether E is one is the core's rule (cd_text_is_ice, as for the
   plugin); its value is ours to compute.  */
static bool
zero_condition (Func *f, Node *n)
{
  size_t size = 1;
  for (int i = n->e1; i <= n->e2; i++)
    size += T (i)->len + 1;
  ConditionText c = { f, xalloc (size), xalloc (size * sizeof (int)) };
  size_t at = 0;
  for (int i = n->e1; i <= n->e2; i++)
    {
      memcpy (c.text + at, unit->text + T (i)->off, T (i)->len);
      for (size_t k = 0; k <= T (i)->len; k++)
        c.tok_at[at + k] = i;
      at += T (i)->len;
      c.text[at++] = ' ';
    }
  if (cd_text_is_ice (c.text, condition_name_kind, &c) == CD_ICE_NO)
    return false;
  long long v;
  return const_eval (n->e1, n->e2, f, &v) && v == 0;
}

static void describe (Describer *d, Node *n);

/* The statements and expressions inside N, in source order.  */
static void
describe_kids (Describer *d, Node *n)
{
  for (int i = 0; i < n->kids.n; i++)
    {
      Node *k = n->kids.v[i];
      if (k->kind != N_FUNC)      /* nested functions: described alone */
        describe (d, k);
    }
}

/* The kids of a function, `scope` or `defer`: its body, when it is a
   compound statement, is the construct's own block, not one more.  */
static void
describe_body_of (Describer *d, Node *n)
{
  for (int i = 0; i < n->kids.n; i++)
    {
      Node *k = n->kids.v[i];
      if (k->kind == N_BLOCK && k->is_body)
        describe_kids (d, k);
      else if (k->kind != N_FUNC)
        describe (d, k);
    }
}

static int
open_block (Describer *d, Node *n, enum cd_block_kind kind,
            enum cd_block_role role, int loc)
{
  flush (d, n->first);
  int b = cd_open_block (d->cd, kind, role, loc);
  describe_vars_of (d->cd, &d->vars, n);
  return b;
}

static void
close_block (Describer *d, Node *n)
{
  flush (d, n->last);
  cd_close_block (d->cd, n->last);
}

/* A compound statement: a plain one, or the body of `({ })`, or the
   structured block of an OpenMP construct.  */
static void
describe_compound (Describer *d, Node *n, enum cd_block_role role)
{
  enum cd_block_kind kind = n->stmtexpr ? CD_BLOCK_STMT_EXPR
                            : n->omp ? CD_BLOCK_OMP : CD_BLOCK_COMPOUND;
  open_block (d, n, kind, kind == CD_BLOCK_COMPOUND ? role : CD_ROLE_OTHER,
              n->first);
  describe_kids (d, n);
  close_block (d, n);
}

/* The substatement of an if, a loop or a switch is a block of its own:
   the compound statement, or a statement block around any other
   statement.  */
static void
describe_substatement (Describer *d, Node *n, enum cd_block_role role)
{
  if (n->kind == N_BLOCK && !n->stmtexpr && !n->omp)
    {
      describe_compound (d, n, role);
      return;
    }
  /* not open_block: the block is the statement's, its variables (a
     `scope` statement's) are its own block's */
  flush (d, n->first);
  cd_open_block (d->cd, CD_BLOCK_STATEMENT, role, n->first);
  describe (d, n);
  close_block (d, n);
}

/* The `;` that ends the init clause of the for statement N.  */
static int
for_init_end (Node *n)
{
  int depth = 0;
  for (int i = n->first + 1; i <= n->last; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[' || k == '{')
        depth++;
      else if (k == ')' || k == ']' || k == '}')
        depth--;
      else if (k == ';' && depth == 1)
        return i;
    }
  return n->first;
}

/* An if, loop or switch statement: its block holds its expressions and
   its substatements' blocks.  The init clause of a for statement comes
   before its block, as GCC's trees have it (its declarations in the
   block around; no rule tells the two apart).  */
static void
describe_selection_or_loop (Describer *d, Node *n, enum cd_block_kind kind,
                            int loc)
{
  if (n->kind == N_FOR)
    {
      flush (d, n->first);
      describe_vars_of (d->cd, &d->vars, n);
      flush (d, for_init_end (n) + 1);
    }
  int b = open_block (d, n, kind, CD_ROLE_NONE, loc);
  for (int i = 0; i < n->kids.n; i++)
    {
      Node *k = n->kids.v[i];
      if (k->kind == N_FUNC)
        continue;
      enum cd_block_role role = substatement_role (k);
      if (role != CD_ROLE_NONE)
        describe_substatement (d, k, role);
      else
        describe (d, k);
    }
  if (n->kind == N_DO && zero_condition (d->f, n))
    cd_loop_is_once (d->cd, b);
  close_block (d, n);
}

static void
describe_defer (Describer *d, Node *n)
{
  flush (d, n->first);
  Node *b = n->body;
  bool labelled = b && (b->kind == N_LABEL || b->kind == N_CASE
                        || b->kind == N_DEFAULT);
  n->core_id = cd_defer (d->cd, n->first, b ? b->first : n->first,
                         !b || empty_body (b), labelled);
  describe_vars_of (d->cd, &d->vars, n);
  describe_deferred_call (d->cd, d->f, n, n->core_id);
  describe_body_of (d, n);
  close_block (d, n);
}

static void
describe_asm (Describer *d, Node *n)
{
  Vec labels = { 0 };
  describe_kids (d, n);
  flush (d, n->last);
  if (!asm_goto_labels (d->f, n, &labels))
    return;
  int k = 0;
  for (int i = 0; i < labels.n; i++)
    if (labels.v[i])        /* a name that is no label: GCC's error */
      labels.v[k++] = labels.v[i];
  cd_asm_goto (d->cd, (const void *const *) labels.v, k, n->first);
}

static void
describe_goto (Describer *d, Node *n)
{
  flush (d, n->first);
  Node *outer = label_named (d->f, n->label) ? NULL
                : nonlocal_label (d->f, n);
  if (outer)
    cd_nonlocal_goto (d->cd, n->label->name, n->first);
  else
    cd_goto (d->cd, label_key (d->f, n->label), n->first);
}

static void describe_node (Describer *d, Node *n);

/* Statement N after `#pragma omp`: a block for each construct of the
   directive, outermost first, as GCC nests them (`parallel for simd`:
   the region, a loop, the loop itself), except the innermost when N is
   itself that block: the structured block of a region when it is a
   compound statement, or the loop of a loop construct.  */
static void
describe_omp (Describer *d, Node *n, int code)
{
  int k = omp_count (code), inner = omp_innermost (code);
  bool own = (inner == OMP_REGION && n->kind == N_BLOCK && n->omp)
             || (inner == OMP_LOOP && (n->kind == N_FOR || n->kind == N_WHILE
                                       || n->kind == N_DO));
  int wrappers = own ? k - 1 : k;
  for (int i = 0; i < wrappers; i++)
    open_block (d, n, omp_construct (code, i) == OMP_LOOP ? CD_BLOCK_LOOP
                                                          : CD_BLOCK_OMP,
                CD_ROLE_NONE, n->first);
  describe_node (d, n);
  for (int i = 0; i < wrappers; i++)
    close_block (d, n);
}

/* Node N; after `#pragma cdefer ignore "ID"` (the lexer marks the next
   token), the core hears that the statement's diagnostics ID are not
   wanted.  */
static void
describe (Describer *d, Node *n)
{
  bool first_of_parent = !n->parent || n->parent->first != n->first;
  int ignore = first_of_parent ? T (n->first)->ignore : 0;
  int omp = first_of_parent && n->kind != N_FUNC ? T (n->first)->omp : 0;
  if (ignore)
    {
      flush (d, n->first);
      cd_ignore (d->cd, (enum cd_diag_id) (ignore - 1));
    }
  if (omp)
    describe_omp (d, n, omp);
  else
    describe_node (d, n);
  if (ignore)
    {
      flush (d, n->last + 1);
      cd_ignore_end (d->cd);
    }
}

/* Statement N (not a substatement's block of its own).  */
static void
describe_node (Describer *d, Node *n)
{
  switch (n->kind)
    {
    case N_BLOCK:
      if (n->is_body)
        describe_kids (d, n);
      else
        describe_compound (d, n, CD_ROLE_BARE);
      break;
    case N_IF:
      describe_selection_or_loop (d, n, CD_BLOCK_IF, n->first);
      break;
    case N_SWITCH:
      describe_selection_or_loop (d, n, CD_BLOCK_SWITCH, n->first);
      break;
    case N_WHILE: case N_DO: case N_FOR:
      /* Located as GCC locates loops (the defer-in-loop note): `for` at
         the keyword, the others at the token after it.  */
      describe_selection_or_loop (d, n, CD_BLOCK_LOOP,
                                  n->kind == N_FOR ? n->first : n->first + 1);
      break;
    case N_SCOPE:
      open_block (d, n, CD_BLOCK_SCOPE, CD_ROLE_NONE, n->first);
      describe_body_of (d, n);
      close_block (d, n);
      break;
    case N_DEFER:
      describe_defer (d, n);
      break;
    case N_LABEL:
      flush (d, n->first);
      cd_label (d->cd, label_named (d->f, n->label) == n
                       ? (const void *) n : (const void *) n->label,
                n->label->name, n->first);
      describe_kids (d, n);
      break;
    case N_CASE: case N_DEFAULT:
      flush (d, n->first);
      cd_case_label (d->cd, n->kind == N_DEFAULT, n->first);
      describe_kids (d, n);
      break;
    case N_GOTO:
      describe_goto (d, n);
      break;
    case N_CGOTO:
      describe_kids (d, n);
      flush (d, n->last);
      cd_computed_goto (d->cd, n->first);
      break;
    case N_BREAK:
      flush (d, n->first);
      cd_break (d->cd, n->first);
      break;
    case N_CONTINUE:
      flush (d, n->first);
      cd_continue (d->cd, n->first);
      break;
    case N_RETURN:
      /* The value is computed first; a return with a value is located at
         the value, as GCC locates it.  */
      describe_kids (d, n);
      flush (d, n->last);
      cd_return (d->cd, n->e1 <= n->e2 ? n->e1 : n->first);
      describe_return_value (d->cd, d->f, n);
      break;
    case N_ASM:
      describe_asm (d, n);
      break;
    default:                /* expressions, declarations: their blocks */
      describe_kids (d, n);
      break;
    }
}

cd_func *
describe_function (Func *f, cd_report_fn report, void *backend)
{
  Describer d = { f, cd_func_new (opt.model_ts ? CD_MODEL_TS : CD_MODEL_GO,
                                  report, backend), NULL, 0, 0, { 0 } };
  declared_vars (f, &d.vars);
  cd_set_unwinds (d.cd, opt.exceptions);
  cd_set_calls_setjmp (d.cd, f->calls_setjmp);
  gather_expression_events (&d);
  Node *body = f->node->body;
  cd_open_block (d.cd, CD_BLOCK_FUNCTION, CD_ROLE_OTHER, f->name);
  describe_vars_of (d.cd, &d.vars, f->node);
  describe_body_of (&d, f->node);
  flush (&d, INT_MAX);
  cd_close_block (d.cd, body ? body->last : f->node->last);
  free (d.x);
  return d.cd;
}

/* Does the tree of N (nested functions included) hold a defer or a
   scope?  */
static bool
holds_construct (Node *n)
{
  if (n->kind == N_DEFER || n->kind == N_SCOPE)
    return true;
  for (int i = 0; i < n->kids.n; i++)
    if (holds_construct (n->kids.v[i]))
      return true;
  return false;
}

static Func *
outermost (Func *f)
{
  while (f->outer)
    f = f->outer;
  return f;
}

/* `--dump-core`: the description of every function that the plugin's
   -fplugin-arg-cdefer-dump-core describes too, so the two readers can be
   compared: a function with a defer or a scope, with every function
   nested in it or around it.  */
void
dump_functions (FILE *out)
{
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *f = unit->functions.v[i];
      if (!holds_construct (outermost (f)->node))
        continue;
      cd_func *cd = describe_function (f, NULL, NULL);
      fprintf (out, "function %s\n", T (f->name)->sym->name);
      cd_dump (cd, out);
      cd_func_free (cd);
    }
}
