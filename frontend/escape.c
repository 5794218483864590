/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escape.c - address-escape and defer-before-check, on token spans.

   The front end does not build expression trees, so these checks read the
   tokens of the deferred body and resolve identifiers through the uses the
   parser recorded (Func.uses, in token order).  The rules are those of the
   GCC plugin (plugin/escape.cc, plugin/checks.cc):

   address-escape: the deferred body stores the address of an automatic
   variable (&x, an array x, x + n) or of a GNU nested function into a
   static/global object or through a pointer that is a parameter, a global
   or derived from one; or passes it as an argument that the callee keeps
   (pthread_create arg 4, ..., and __attribute__((cdefer_retains(N)))).

   defer-before-check: `v = call (...); defer release (v); if (!v) ...`:
   the first `if` after the defer that mentions v tests it for failure.  */

#include "fe.h"
#include "parse.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static Func *F;

/* ---- tokens and names ---- */

static Use *
use_at (int tok)
{
  int lo = first_use_from (F, tok);
  if (lo < F->uses.n && ((Use *) F->uses.v[lo])->tok == tok)
    return F->uses.v[lo];
  return NULL;
}

static Var *
var_at (int tok)
{
  Use *u = use_at (tok);
  return u ? u->var : NULL;
}

static int
match (int i, int end)
{
  int depth = 0;
  for (; i <= end; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[' || k == '{')
        depth++;
      else if ((k == ')' || k == ']' || k == '}') && --depth == 0)
        return i;
    }
  return end + 1;
}

static bool
is_auto (Var *v)
{
  return v && v->kind == B_OBJ && !v->is_static && !v->is_extern
         && !v->file_scope && !v->is_param;
}

static bool
is_global (Var *v)
{
  return v && v->kind == B_OBJ && (v->is_static || v->is_extern
                                   || v->file_scope);
}

static bool
is_array (Var *v)
{
  int i = v->tok + 1;
  while (i <= v->d_last && T (i)->kind == ')')
    i++;
  return i <= v->d_last && T (i)->kind == '[';
}

static bool
is_pointer (Var *v)
{
  for (int i = v->d_first; i < v->tok; i++)
    if (T (i)->kind == '*')
      return true;
  /* a typedef'd pointer type: cannot tell; accept */
  for (int i = v->ds_first; i <= v->ds_last; i++)
    if (T (i)->kind == IDENTIFIER)
      return true;
  return false;
}

static bool
is_nested_function (Var *v)
{
  return v && v->kind == B_FUNC && !v->file_scope;
}

/* Does a type name start at TOK (a cast or compound literal)?  */
bool
is_type_start (Func *f, int tok)
{
  Func *saved = F;
  F = f;
  int k = T (tok)->kind;
  bool r;
  switch (k)
    {
    case VOID: case CHAR: case SHORT: case INT: case LONG: case FLOAT:
    case DOUBLE: case SIGNED: case UNSIGNED: case BOOL: case COMPLEX:
    case XTYPE: case STRUCT: case UNION: case ENUM: case CONST:
    case VOLATILE: case RESTRICT: case ATOMIC: case TYPEOF:
      r = true;
      break;
    case IDENTIFIER:
      /* a typedef name is not an expression use */
      r = !use_at (tok) && T (tok)->sym->bind == NULL
          && (T (tok + 1)->kind == ')' || T (tok + 1)->kind == '*');
      break;
    default:
      r = false;
    }
  F = saved;
  return r;
}

/* Strip casts, enclosing parentheses and comma operators from [*a, *b].  */
static void
strip (int *a, int *b)
{
  for (;;)
    {
      if (*a > *b)
        return;
      if (T (*a)->kind == '(' && is_type_start (F, *a + 1))
        {
          int c = match (*a, *b);
          if (c >= *b || T (c + 1)->kind == '{')
            return;
          *a = c + 1;
          continue;
        }
      if (T (*a)->kind == '(' && match (*a, *b) == *b)
        {
          (*a)++;
          (*b)--;
          continue;
        }
      /* (e1, e2): the value is e2's */
      int last_comma = -1;
      for (int i = *a; i <= *b; i++)
        {
          int k = T (i)->kind;
          if (k == '(' || k == '[' || k == '{')
            i = match (i, *b);
          else if (k == ',')
            last_comma = i;
        }
      if (last_comma < 0)
        return;
      *a = last_comma + 1;
    }
}

/* The postfix chain after the identifier at I, up to B: does it
   dereference (->, or [] on a pointer)?  Does it select (., [])?  */
static void
chain (int i, int b, Var *v, bool *deref, bool *select)
{
  *deref = *select = false;
  for (int j = i + 1; j <= b; j++)
    {
      int k = T (j)->kind;
      if (k == PTR_OP)
        *deref = true;
      else if (k == '[')
        {
          if (v && is_array (v) && !*deref && !*select)
            *select = true;
          else
            *deref = true;
          j = match (j, b);
        }
      else if (k == '.')
        *select = true;
      else if (k == IDENTIFIER || k == ')')
        ;
      else
        break;
    }
}

/* The automatic variable or nested function whose address [a, b] is.  */
static Var *
stack_address (int a, int b)
{
  strip (&a, &b);
  if (a > b)
    return NULL;
  if (T (a)->kind == '&')
    {
      int i = a + 1;
      while (i <= b && T (i)->kind == '(')
        i++;
      if (i > b || T (i)->kind != IDENTIFIER)
        return NULL;
      Var *v = var_at (i);
      if (is_nested_function (v))
        return v;
      bool deref, select;
      chain (i, b, v, &deref, &select);
      return is_auto (v) && !deref ? v : NULL;
    }
  if (T (a)->kind == IDENTIFIER)
    {
      Var *v = var_at (a);
      if (a < b && T (a + 1)->kind != '+' && T (a + 1)->kind != '-')
        return NULL;
      if (is_nested_function (v) && a == b)
        return v;
      if (is_auto (v) && is_array (v))
        return v;
    }
  return NULL;
}

/* ---- pointers derived from outside the frame ---- */
static Vec derived_vars;        /* Var *: local pointers `p = param...` */

static bool
is_derived (Var *v)
{
  for (int i = 0; i < derived_vars.n; i++)
    if (derived_vars.v[i] == v)
      return true;
  return false;
}

static bool
outside (Var *v)
{
  return v && (v->is_param || is_global (v) || is_derived (v));
}

static bool
derives_from_outside (int a, int b)
{
  strip (&a, &b);
  if (a > b)
    return false;
  if (T (a)->kind == '&')
    {
      int i = a + 1;
      while (i <= b && T (i)->kind == '(')
        i++;
      if (i > b || T (i)->kind != IDENTIFIER)
        return false;
      Var *v = var_at (i);
      bool deref, select;
      chain (i, b, v, &deref, &select);
      return deref ? outside (v) : is_global (v);
    }
  if (T (a)->kind == '*')
    return derives_from_outside (a + 1, b);
  if (T (a)->kind != IDENTIFIER)
    return false;
  if (a < b && T (a + 1)->kind == '(')
    return false;                       /* a call */
  Var *v = var_at (a);
  bool deref, select;
  chain (a, b, v, &deref, &select);
  if (deref)
    return outside (v);
  if (select)
    return v && (is_global (v) || v->is_param);
  return outside (v);
}

/* The end of the expression that starts at I (before , ; ) ] } at depth
   0), at most B.  */
static int
expr_end (int i, int b)
{
  for (; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[' || k == '{')
        i = match (i, b);
      else if (k == ',' || k == ';' || k == ')' || k == ']' || k == '}')
        return i - 1;
    }
  return b;
}

/* The start of the operand that ends at I (after ; { } , ( ? : = etc.).  */
static int
expr_start (int i, int a)
{
  int depth = 0;
  for (; i >= a; i--)
    {
      int k = T (i)->kind;
      if (k == ')' || k == ']')
        depth++;
      else if (k == '(' || k == '[')
        {
          if (depth == 0)
            return i + 1;
          depth--;
        }
      else if (depth == 0
               && (k == ';' || k == '{' || k == '}' || k == ',' || k == '?'
                   || k == ':' || k == '=' || k == RETURN || k == ELSE
                   || k == DEFER || k == AND_OP || k == OR_OP))
        return i + 1;
    }
  return a;
}

/* Assignments `v = E` with E derived from outside.  */
static void
find_derived (bool *changed)
{
  for (int i = 0; i < F->uses.n; i++)
    {
      Use *u = F->uses.v[i];
      Var *v = u->var;
      if (!is_auto (v) || !is_pointer (v) || is_derived (v)
          || T (u->tok + 1)->kind != '=')
        continue;
      int p = T (u->tok - 1)->kind;
      if (p == '.' || p == PTR_OP || p == '*' || p == ')' || p == ']')
        continue;
      int e = expr_end (u->tok + 2, unit->ntok - 1);
      if (derives_from_outside (u->tok + 2, e))
        {
          vec_push (&derived_vars, v);
          *changed = true;
        }
    }
}

/* Declarations are not uses: walk the function's DECL nodes.  */
static void
find_derived_decls (Node *n, bool *changed)
{
  if (n->kind == N_DECL)
    for (int i = 0; i < n->vars.n; i++)
      {
        Var *v = n->vars.v[i];
        if (!is_auto (v) || !is_pointer (v) || is_derived (v)
            || T (v->d_last + 1)->kind != '=')
          continue;
        int e = expr_end (v->d_last + 2, n->last);
        if (derives_from_outside (v->d_last + 2, e))
          {
            vec_push (&derived_vars, v);
            *changed = true;
          }
      }
  for (int i = 0; i < n->kids.n; i++)
    if (((Node *) n->kids.v[i])->kind != N_FUNC)
      find_derived_decls (n->kids.v[i], changed);
}

static Func *derived_for;

static void
compute_derived (void)
{
  if (derived_for == F)
    return;
  derived_for = F;
  derived_vars.n = 0;
  bool changed = true;
  for (int round = 0; changed && round < 8; round++)
    {
      changed = false;
      find_derived (&changed);
      find_derived_decls (F->node, &changed);
    }
}

/* ---- address-escape ---- */

static bool
retained (Sym *fn, int index, Var *what)
{
  if (cd_call_retains_arg (fn->name, index, what->kind == B_FUNC))
    return true;
  return index < 64 && (fn->retains >> index) & 1;
}

static void
report_escape (int tok, Var *what)
{
  if (diag (DIAG_ADDRESS_ESCAPE, tok, what->sym->name))
    diag_note (what->tok, what->kind == B_FUNC
               ? "'%s' is a nested function: it lives in the stack frame"
               : "'%s' is an automatic variable: its storage ends with the "
                 "frame", what->sym->name);
}

static bool
store_escapes (int a, int b)
{
  while (a <= b && T (a)->kind == '(' && match (a, b) == b)
    a++, b--;
  if (a > b)
    return false;
  if (T (a)->kind == '*')
    return derives_from_outside (a + 1, b);
  if (T (a)->kind != IDENTIFIER)
    return false;
  Var *v = var_at (a);
  bool deref, select;
  chain (a, b, v, &deref, &select);
  return deref ? outside (v) : is_global (v);
}

void
check_address_escape (Func *f, Node *d)
{
  F = f;
  compute_derived ();
  int a = d->body ? d->body->first : d->first + 1, b = d->last;
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '=')
        {
          int e = expr_end (i + 1, b);
          Var *what = stack_address (i + 1, e);
          if (what && store_escapes (expr_start (i - 1, a), i - 1))
            {
              report_escape (i, what);
              return;
            }
        }
      else if (k == IDENTIFIER && T (i + 1)->kind == '(' && i + 1 <= b)
        {
          Var *fv = var_at (i);
          if (fv && fv->kind != B_FUNC)
            continue;
          Sym *fn = T (i)->sym;
          int close = match (i + 1, b);
          int arg = 0, s = i + 2;
          for (int j = i + 2; j <= close && s <= close; j++)
            {
              int kk = T (j)->kind;
              if (kk == '(' || kk == '[' || kk == '{')
                {
                  j = match (j, close) ;
                  if (j < close)
                    continue;
                }
              if (kk == ',' || j >= close)
                {
                  Var *what = stack_address (s, j - 1);
                  if (what && retained (fn, arg, what))
                    {
                      report_escape (i, what);
                      return;
                    }
                  arg++;
                  s = j + 1;
                }
            }
        }
    }
}

/* ---- defer-before-check ---- */

/* The variable a deferred body `release (v);` releases, and the call's
   function name token.  */
static Var *
released_variable (Node *d, int *fn_tok)
{
  Node *b = d->body;
  while (b && b->kind == N_BLOCK && b->kids.n == 1
         && ((Node *) b->kids.v[0])->first == b->first + 1
         && ((Node *) b->kids.v[0])->last == b->last - 1)
    b = b->kids.v[0];
  if (!b || b->kind != N_EXPR)
    return NULL;
  int x = b->e1, y = b->e2;
  strip (&x, &y);
  if (x >= y || T (x)->kind != IDENTIFIER || T (x + 1)->kind != '('
      || match (x + 1, y) != y)
    return NULL;
  Var *fv = var_at (x);
  if (fv && fv->kind != B_FUNC)
    return NULL;
  int a = x + 2, e = expr_end (a, y - 1);
  if (a > e)
    return NULL;
  strip (&a, &e);
  if (a != e || T (a)->kind != IDENTIFIER)
    return NULL;
  Var *v = var_at (a);
  if (!is_auto (v) || is_array (v))
    return NULL;
  *fn_tok = x;
  return v;
}

/* The uses of each variable in a function: (Func, Var) -> Vec of Use.  */
static Map uses_by_var;
static Func *uses_for;

static Vec *
uses_of (Var *v)
{
  if (uses_for != F)
    {
      for (int i = 0; i < F->uses.n; i++)
        {
          Use *u = F->uses.v[i];
          Vec *list = u->var ? map_get (&uses_by_var, F, u->var) : NULL;
          if (u->var && !list)
            {
              list = NEW (Vec);
              map_put (&uses_by_var, F, u->var, list);
            }
          if (list)
            vec_push (list, u);
        }
      uses_for = F;
    }
  return map_get (&uses_by_var, F, v);
}

/* `v = call (...)` or `T v = call (...)` somewhere in the function.  */
static bool
assigned_from_call (Var *v)
{
  int starts[2] = { -1, -1 };
  if (T (v->d_last + 1)->kind == '=')
    starts[0] = v->d_last + 2;
  Vec *uses = uses_of (v);
  for (int i = 0; uses && i < uses->n; i++)
    {
      Use *u = uses->v[i];
      if (T (u->tok + 1)->kind == '='
          && expr_start (u->tok - 1, F->node->first) == u->tok)
        {
          starts[1] = u->tok + 2;
          int a = starts[1], e = expr_end (a, unit->ntok - 1);
          strip (&a, &e);
          if (a < e && T (a)->kind == IDENTIFIER && T (a + 1)->kind == '('
              && match (a + 1, e) == e)
            return true;
        }
    }
  if (starts[0] >= 0)
    {
      int a = starts[0], e = expr_end (a, unit->ntok - 1);
      strip (&a, &e);
      if (a < e && T (a)->kind == IDENTIFIER && T (a + 1)->kind == '('
          && match (a + 1, e) == e)
        return true;
    }
  return false;
}

/* !v, v == 0, v == NULL, v == -1, v < 0, v <= -1, and || of those.  */
static bool
tests_for_failure (int a, int b, Var *v)
{
  while (a <= b && T (a)->kind == '(' && match (a, b) == b)
    a++, b--;
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == OR_OP)
        return tests_for_failure (a, i - 1, v) || tests_for_failure (i + 1, b, v);
    }
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == AND_OP || k == '?')
        return false;
    }
  if (T (a)->kind == '!')
    {
      int x = a + 1, y = b;
      strip (&x, &y);
      return x == y && var_at (x) == v;
    }
  int op = -1;
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == EQ_OP || k == '<' || k == LE_OP)
        {
          op = i;
          break;
        }
    }
  if (op < 0)
    return false;
  int x = a, y = op - 1;
  strip (&x, &y);
  if (x != y || var_at (x) != v)
    return false;
  x = op + 1, y = b;
  strip (&x, &y);
  long long c;
  if (x > y)
    return false;
  if (x == y && T (x)->kind == IDENTIFIER && tok_is (x, "NULL"))
    c = 0;
  else if (!const_eval (x, y, F, &c))
    return false;
  switch (T (op)->kind)
    {
    case EQ_OP: return c == 0 || c == -1;
    case '<': return c == 0;
    default: return c == -1;
    }
}

/* The `if` statements of a function whose condition mentions each
   variable: (Func, Var) -> Vec of N_IF, in source order.  */
static Map ifs_mentioning;
static Func *ifs_for;

static void
collect_ifs (Node *n)
{
  if (n->kind == N_IF)
    for (int i = n->e1; i <= n->e2; i++)
      {
        Var *v = T (i)->kind == IDENTIFIER ? var_at (i) : NULL;
        if (!v)
          continue;
        Vec *ifs = map_get (&ifs_mentioning, F, v);
        if (!ifs)
          {
            ifs = NEW (Vec);
            map_put (&ifs_mentioning, F, v, ifs);
          }
        if (!ifs->n || ifs->v[ifs->n - 1] != n)
          vec_push (ifs, n);
      }
  for (int i = 0; i < n->kids.n; i++)
    if (((Node *) n->kids.v[i])->kind != N_FUNC)
      collect_ifs (n->kids.v[i]);
}

void
check_defer_before_check (Func *f, Node *d)
{
  F = f;
  int fn_tok;
  Var *v = released_variable (d, &fn_tok);
  if (!v || !d->owner || cd_release_accepts_null (T (fn_tok)->sym->name)
      || T (fn_tok)->sym->null_ok || !assigned_from_call (v))
    return;
  if (ifs_for != f)
    {
      collect_ifs (f->node);
      ifs_for = f;
    }
  Vec *ifs = map_get (&ifs_mentioning, f, v);
  int i = 0, hi = ifs ? ifs->n : 0;
  while (i < hi)
    {
      int mid = i + (hi - i) / 2;
      if (((Node *) ifs->v[mid])->first < d->first)
        i = mid + 1;
      else
        hi = mid;
    }
  /* The first `if` after the defer, in its scope and not in its body,
     that mentions V.  */
  for (; ifs && i < ifs->n; i++)
    {
      Node *r = ifs->v[i];
      if (!is_ancestor (d->owner, r) || is_ancestor (d, r))
        continue;
      if (!tests_for_failure (r->e1, r->e2, v))
        return;
      if (diag (DIAG_DEFER_BEFORE_CHECK, d->first, v->sym->name))
        {
          diag_fixit_move_line (d->first, d->last, r->last);
          diag_note (r->e1 - 1, "'%s' is checked for failure here; register "
                     "the 'defer' after this check", v->sym->name);
        }
      return;
    }
}

/* The unit ends: its functions' caches go with it.  */
void
escape_end_unit (void)
{
  derived_vars = (Vec) { 0 };
  uses_by_var = ifs_mentioning = (Map) { 0 };
  derived_for = uses_for = ifs_for = NULL;
}
