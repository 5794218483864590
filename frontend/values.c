/* SPDX-License-Identifier: GPL-3.0-or-later */
/* values.c - the front end as a reader of values for the rule engine: the
   facts of cdefer-core.h's "values" section, read from the token spans the
   parser recorded (the front end builds no expression trees).  What an
   expression is (struct cd_expr) is decided here, from the tokens; what
   follows from it (escaping-capture, address-escape, defer-before-check,
   released-value-escapes) is decided in core/values.c, once for both
   backends.  describe.c merges these facts, in token order, with the
   statements it tells.  */

#include "fe.h"
#include "parse.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokens ---- */

static Use *
use_at (Func *f, int tok)
{
  int i = first_use_from (f, tok);
  return i < f->uses.n && ((Use *) f->uses.v[i])->tok == tok
         ? f->uses.v[i] : NULL;
}

/* The variable or function an identifier at TOK names, if any.  */
static Var *
var_at (Func *f, int tok)
{
  Use *u = use_at (f, tok);
  return u ? u->var : NULL;
}

/* The token that closes the bracket at I (END + 1 if none up to END).  */
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

/* The bracket that opens the one at I (BEGIN - 1 if none from BEGIN).  */
static int
match_back (int i, int begin)
{
  int depth = 0;
  for (; i >= begin; i--)
    {
      int k = T (i)->kind;
      if (k == ')' || k == ']' || k == '}')
        depth++;
      else if ((k == '(' || k == '[' || k == '{') && --depth == 0)
        return i;
    }
  return begin - 1;
}

static bool
is_object (Var *v)
{
  return v && v->kind == B_OBJ;
}

static bool
is_nested_function (Var *v)
{
  return v && v->kind == B_FUNC && !v->file_scope;
}

static bool
is_array (Var *v)
{
  /* `T (*p)[3]`: a pointer to an array */
  if (v->tok > v->d_first && T (v->tok - 1)->kind == '*'
      && T (v->tok + 1)->kind == ')')
    return false;
  int i = v->tok + 1;
  while (i <= v->d_last && T (i)->kind == ')')
    i++;
  return i <= v->d_last && T (i)->kind == '[';
}

/* A '*' in the declarator, or a type name in the specifiers (a typedef'd
   pointer cannot be told apart: taken as one).  */
static bool
is_pointer (Var *v)
{
  for (int i = v->d_first; i < v->tok; i++)
    if (T (i)->kind == '*')
      return true;
  for (int i = v->ds_first; i <= v->ds_last; i++)
    if (T (i)->kind == IDENTIFIER || T (i)->kind == TYPEDEF_NAME)
      return true;
  return false;
}

/* Does a type name start at TOK (a cast or compound literal)?  */
static bool
type_starts (Func *f, int tok)
{
  switch (T (tok)->kind)
    {
    case VOID: case CHAR: case SHORT: case INT: case LONG: case FLOAT:
    case DOUBLE: case SIGNED: case UNSIGNED: case BOOL: case COMPLEX:
    case XTYPE: case STRUCT: case UNION: case ENUM: case CONST:
    case VOLATILE: case RESTRICT: case ATOMIC: case TYPEOF: case TYPEDEF_NAME:
      return true;
    case IDENTIFIER:
      {
        Binding *b = T (tok)->sym->bind;
        if (b && b->var && b->var->kind == B_TYPEDEF)
          return true;
        /* a typedef name is not an expression use */
        return !use_at (f, tok) && !b
               && (T (tok + 1)->kind == ')' || T (tok + 1)->kind == '*');
      }
    default:
      return false;
    }
}

/* Strip parentheses from [*A, *B]; and casts and comma operators unless
   PARENS_ONLY.  Returns false if something else than parentheses went.  */
static bool
strip (Func *f, int *a, int *b, bool parens_only)
{
  bool bare = true;
  for (;;)
    {
      if (*a > *b)
        return bare;
      if (T (*a)->kind == '(' && type_starts (f, *a + 1))
        {
          int c = match (*a, *b);
          if (parens_only || c >= *b || T (c + 1)->kind == '{')
            return bare;
          *a = c + 1;
          bare = false;
          continue;
        }
      if (T (*a)->kind == '(' && match (*a, *b) == *b)
        {
          (*a)++;
          (*b)--;
          continue;
        }
      if (parens_only)
        return bare;
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
        return bare;
      *a = last_comma + 1;
      bare = false;
    }
}

/* The postfix chain after the name at I, up to B: does it follow a
   pointer (->, * , [] on a pointer), does it select (., [] on an array)?
   Returns the token after the chain.  */
static int
chain (int i, int b, Var *v, bool *deref, bool *select)
{
  *deref = *select = false;
  int j = i + 1;
  for (; j <= b; j++)
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
      else if (k == IDENTIFIER || k == TYPEDEF_NAME || k == ')')
        ;
      else
        break;
    }
  return j;
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

/* Is K an assignment operator?  */
static bool
is_assign_op (int k)
{
  switch (k)
    {
    case '=': case MUL_ASSIGN: case DIV_ASSIGN: case MOD_ASSIGN:
    case ADD_ASSIGN: case SUB_ASSIGN: case LEFT_ASSIGN: case RIGHT_ASSIGN:
    case AND_ASSIGN: case XOR_ASSIGN: case OR_ASSIGN:
      return true;
    default:
      return false;
    }
}

/* The start of the operand that ends at I (after ; { } , ( ? : and
   assignment operators, return, ...), not before A.  STOP marks more
   tokens that end a statement's beginning (a contextual `defer`, which is
   an identifier token), indexed from A; or NULL.  */
static int
expr_start (int i, int a, const char *stop)
{
  int depth = 0;
  for (; i >= a; i--)
    {
      int k = T (i)->kind;
      if (k == ')' && depth == 0)
        {
          /* `if (c) x = 1;`: the header of a statement ends it */
          int o = match_back (i, a), h = T (o - 1)->kind;
          if (o > a && (h == IF || h == FOR || h == WHILE || h == SWITCH))
            return i + 1;
        }
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
                   || k == ':' || is_assign_op (k) || k == RETURN
                   || k == ELSE || k == DO || k == DEFER || k == AND_OP
                   || k == OR_OP || (stop && stop[i - a])))
        return i + 1;
    }
  return a;
}

/* The `=` of V's initializer, after attributes and an asm label
   (`int c __attribute__ ((cleanup (f))) = 3;`), or -1.  */
static int
initializer_eq (Var *v)
{
  int j = v->d_last + 1;
  for (;;)
    if (T (j)->kind == ATTRIBUTE || T (j)->kind == ASM)
      {
        int k = j + 1;
        if (T (k)->kind != '(')
          return -1;
        j = match (k, unit->ntok - 1) + 1;
      }
    else if (T (j)->kind == '[' && T (j + 1)->kind == '[')
      j = match (j, unit->ntok - 1) + 1;     /* [[gnu::cleanup (f)]] */
    else
      break;
  return T (j)->kind == '=' ? j : -1;
}

/* The postfix expression (a name, or a parenthesized expression, with
   its . -> [] () chain) that ends at I: its first token.  STOP: as for
   expr_start (a contextual `defer` before `(` is no call).  */
static int
postfix_start (int i, int a, const char *stop)
{
  for (;;)
    {
      int k = T (i)->kind, first;
      if (k == ')' || k == ']')
        first = match_back (i, a);
      else if (k == IDENTIFIER || k == TYPEDEF_NAME)
        first = i;
      else
        return i + 1;
      if (first <= a)
        return a;
      int p = first - 1, pk = T (p)->kind;
      bool keyword = stop && stop[p - a];
      /* a subscript, or a call: the chain goes on before it */
      if (k == ']' || (k == ')' && !keyword
                       && (pk == IDENTIFIER || pk == ')' || pk == ']')))
        {
          i = p;
          continue;
        }
      if (pk == '.' || pk == PTR_OP)
        {
          i = p - 1;
          continue;
        }
      return first;
    }
}

/* The unary expression that starts at I (a prefix ++'s operand): its
   last token.  */
static int
unary_end (int i, int b)
{
  while (i <= b && (T (i)->kind == '*' || T (i)->kind == '&'))
    i++;
  if (i > b)
    return b;
  if (T (i)->kind == '(')
    i = match (i, b) + 1;
  else
    i++;
  bool deref, select;
  return chain (i - 1, b, NULL, &deref, &select) - 1;
}

/* ---- what an expression is (struct cd_expr) ---- */

static struct cd_expr
expr_of (enum cd_expr_kind kind, Var *v)
{
  struct cd_expr e = { kind, v, 0, false };
  return e;
}

/* The expression [A, B] starting with the name of V at A.  */
static struct cd_expr
classify_name (Func *f, int a, int b, Var *v)
{
  if (is_nested_function (v))
    return a == b ? expr_of (CD_EXPR_ADDRESS, v) : expr_of (CD_EXPR_OTHER, 0);
  if (!is_object (v))
    return expr_of (CD_EXPR_OTHER, NULL);
  bool deref, select;
  int after = chain (a, b, v, &deref, &select);
  /* `v + n`, `v->m - 1`: pointer arithmetic keeps the pointer's origin
     (the types are unknown here: any + or - counts, as in the plugin) */
  bool plus = after <= b && (T (after)->kind == '+' || T (after)->kind == '-');
  if (after <= b && !plus)
    return expr_of (CD_EXPR_OTHER, NULL);
  if (deref)
    return expr_of (CD_EXPR_DEREF, v);
  if (select)
    return expr_of (CD_EXPR_MEMBER, v);
  if (is_array (v))
    return expr_of (CD_EXPR_ADDRESS, v);
  return expr_of (CD_EXPR_VAR, v);
}

/* `&X`: the address of what X designates.  */
static struct cd_expr
classify_address (Func *f, int a, int b)
{
  int i = a + 1;
  while (i <= b && T (i)->kind == '(')
    i++;
  Var *v = i <= b && T (i)->kind == IDENTIFIER ? var_at (f, i) : NULL;
  if (is_nested_function (v))
    return expr_of (CD_EXPR_ADDRESS, v);
  if (!is_object (v))
    return expr_of (CD_EXPR_OTHER, NULL);
  bool deref, select;
  chain (i, b, v, &deref, &select);
  return expr_of (deref ? CD_EXPR_DEREF : CD_EXPR_ADDRESS, v);
}

/* `*X`: memory reached through the pointer X starts from.  */
static struct cd_expr
classify_deref (Func *f, int a, int b)
{
  int i = a;
  while (i <= b && (T (i)->kind == '*' || T (i)->kind == '('))
    i++;
  Var *v = i <= b && T (i)->kind == IDENTIFIER ? var_at (f, i) : NULL;
  return is_object (v) ? expr_of (CD_EXPR_DEREF, v)
                       : expr_of (CD_EXPR_OTHER, NULL);
}

/* What the expression [A, B] is, for the value rules.  */
static struct cd_expr
classify (Func *f, int a, int b)
{
  int x = a, y = b;
  strip (f, &x, &y, true);
  bool bare = x == y;
  strip (f, &x, &y, false);
  bare = bare && x == y;
  while (x + 1 < y && T (x)->kind == '*' && T (x + 1)->kind == '&')
    {
      x += 2;                   /* `*&x` is x */
      strip (f, &x, &y, true);
      bare = false;
    }
  if (x > y)
    return expr_of (CD_EXPR_OTHER, NULL);
  long long value;
  if (const_eval (x, y, f, &value))
    {
      struct cd_expr e = { CD_EXPR_CONST, NULL, value, false };
      return e;
    }
  int k = T (x)->kind;
  if (k == CONSTANT && x + 1 < y && T (x + 1)->kind == '+')
    {
      /* `20 + n`: GCC's trees have it as n + 20 */
      struct cd_expr e = classify (f, x + 2, y);
      e.bare = false;
      return e.kind == CD_EXPR_CONST || e.kind == CD_EXPR_CALL
             ? expr_of (CD_EXPR_OTHER, NULL) : e;
    }
  if (k == '&')
    return classify_address (f, x, y);
  if (k == '*')
    return classify_deref (f, x, y);
  if (k != IDENTIFIER)
    return expr_of (CD_EXPR_OTHER, NULL);
  if (x < y && T (x + 1)->kind == '(' && match (x + 1, y) == y)
    return expr_of (CD_EXPR_CALL, NULL);
  struct cd_expr e = classify_name (f, x, y, var_at (f, x));
  e.bare = e.kind == CD_EXPR_VAR && bare;
  return e;
}

/* ---- the events, in token order ---- */

static ValueEvent *
new_event (Vec *out, int kind, int tok, int sub, int loc)
{
  ValueEvent *e = NEW (ValueEvent);
  e->kind = kind;
  e->tok = tok;
  e->sub = sub;
  e->loc = loc;
  vec_push (out, e);
  return e;
}

/* The unevaluated operands of F: one byte per token of F, from
   describe.c (unevaluated_tokens), while value_events runs.  */
typedef struct Reader {
  Func *f;
  const char *mark;
  ValueEvent **use_event;       /* per use of F, its event (or NULL) */
} Reader;

static bool
unevaluated_span (Func *f, int tok, Span **span)
{
  for (int i = 0; i < f->unevaluated.n; i++)
    {
      Span *s = f->unevaluated.v[i];
      if (s->first <= tok && tok <= s->last)
        {
          *span = s;
          return true;
        }
    }
  return false;
}

/* `sizeof v` of a variable-length array v is evaluated (C11 6.5.3.4p2):
   the operand of sizeof is the name alone.  */
static bool
vla_sizeof (Func *f, Span *s, Var *v)
{
  int a = s->first, b = s->last;
  if (!v->is_vla || a < 1 || T (a - 1)->kind != SIZEOF)
    return false;
  strip (f, &a, &b, true);
  return a == b && T (a)->kind == IDENTIFIER && var_at (f, a) == v;
}

/* Is the '&' at I the unary address operator?  */
static bool
unary_amp (Func *f, int i)
{
  int k = T (i - 1)->kind;
  if (k == ')')
    {
      int o = match_back (i - 1, 0);
      return o >= 0 && type_starts (f, o + 1);    /* a cast */
    }
  return !(k == IDENTIFIER || k == TYPEDEF_NAME || k == CONSTANT
           || k == STRING_LITERAL || k == ']' || k == INC_OP || k == DEC_OP);
}

/* How the use U mentions its variable.  */
static bool
in_unevaluated (const Reader *r, int tok)
{
  int i = tok - r->f->node->first;
  return i >= 0 && i <= r->f->node->last - r->f->node->first && r->mark[i];
}

static enum cd_use_kind
use_kind (const Reader *r, Use *u)
{
  Func *f = r->f;
  Span *s;
  if (in_unevaluated (r, u->tok) && unevaluated_span (f, u->tok, &s)
      && !vla_sizeof (f, s, u->var))
    return CD_USE_UNEVALUATED;
  /* a nested function: `f` is `&f`; an array's address never changes */
  if (!is_object (u->var) || is_array (u->var))
    return CD_USE_READ;
  int i = u->tok - 1;
  while (T (i)->kind == '(')
    i--;
  if (T (i)->kind != '&' || !unary_amp (f, i) || T (i - 1)->kind == '*')
    return CD_USE_READ;
  bool deref, select;
  chain (u->tok, unit->ntok - 1, u->var, &deref, &select);
  return deref ? CD_USE_READ : CD_USE_ADDRESS;
}

/* Is V declared in F (a local, static or not, a parameter, a nested
   function)?  Only those are described.  */
static bool
own_var (Func *f, Var *v)
{
  /* a block-scope extern is the file-scope object */
  return v && !v->file_scope && !v->is_extern && v->block
         && (v->block == f->node || is_ancestor (f->node, v->block));
}

static void
gather_uses (const Reader *r, Vec *out)
{
  Func *f = r->f;
  for (int i = 0; i < f->uses.n; i++)
    {
      Use *u = f->uses.v[i];
      if ((!is_object (u->var) && !is_nested_function (u->var))
          || !own_var (f, u->var))
        continue;
      enum cd_use_kind how = use_kind (r, u);
      if (how == CD_USE_UNEVALUATED)
        continue;               /* GCC folds them away: not told */
      ValueEvent *e = new_event (out, VE_USE, u->tok, 0, u->tok);
      e->var = u->var;
      e->how = how;
      r->use_event[i] = e;
    }
}

/* Does [A, B] have side effects (a call, a statement expression, an
   assignment)?  */
static bool
has_side_effects (int a, int b)
{
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (is_assign_op (k) || k == INC_OP || k == DEC_OP
          || (k == '(' && i > a && (T (i - 1)->kind == IDENTIFIER
                                    || T (i - 1)->kind == ')'))
          || (k == '(' && T (i + 1)->kind == '{'))
        return true;
    }
  return false;
}

/* `v += f (x)`: GCC evaluates a right side with side effects first, then
   `v = v + tmp`: the uses of the left side [L, R] move after the right
   side, to AT (its last token), after its calls' arguments.  */
static void
uses_after_right_side (const Reader *r, int l, int e, int at)
{
  Func *f = r->f;
  for (int i = first_use_from (f, l);
       i < f->uses.n && ((Use *) f->uses.v[i])->tok <= e; i++)
    if (r->use_event[i])
      {
        r->use_event[i]->tok = at;
        r->use_event[i]->sub = 2;
        r->use_event[i]->tie = 1 << 30 | r->use_event[i]->loc;
      }
}

/* `LHS += E` is `LHS = LHS + E`: the value is where LHS points (pointer
   arithmetic), as in the plugin's trees; other operators make a number.  */
static struct cd_expr
compound_value (struct cd_expr lhs, int op)
{
  if (op != ADD_ASSIGN && op != SUB_ASSIGN)
    return expr_of (CD_EXPR_OTHER, NULL);
  lhs.bare = false;
  return lhs;
}

/* Tokens that are not the function's expressions: the `=` of
   initializers (gather_initializers has them) and the bodies of nested
   functions (described on their own), in SKIP; the `defer` and `scope`
   keywords, in STOP.  Both indexed from BASE.  */
static void
mark_foreign (Node *n, bool top, char *skip, char *stop, int base)
{
  if (n->kind == N_FUNC && !top)
    {
      memset (skip + (n->first - base), 1, n->last - n->first + 1);
      return;
    }
  if (n->kind == N_DEFER || n->kind == N_SCOPE)
    stop[n->first - base] = 1;
  if (n->kind == N_DECL)
    for (int i = 0; i < n->vars.n; i++)
      {
        int eq = initializer_eq (n->vars.v[i]);
        if (eq >= 0)
          skip[eq - base] = 1;
      }
  for (int i = 0; i < n->kids.n; i++)
    mark_foreign (n->kids.v[i], false, skip, stop, base);
}

/* `LHS op= E` is `LHS = LHS op E` in GCC's trees, where LHS is mentioned
   twice: the uses in [L, R] once more, at the operator AT.  */
static void
mention_again (const Reader *r, int l, int e, int at, bool late, Vec *out)
{
  Func *f = r->f;
  for (int i = first_use_from (f, l);
       i < f->uses.n && ((Use *) f->uses.v[i])->tok <= e; i++)
    {
      Use *u = f->uses.v[i];
      if ((!is_object (u->var) && !is_nested_function (u->var))
          || !own_var (f, u->var))
        continue;
      enum cd_use_kind how = use_kind (r, u);
      if (how == CD_USE_UNEVALUATED)
        continue;
      ValueEvent *ev = new_event (out, VE_USE, at, late ? 2 : 0, u->tok);
      ev->tie = late ? 1 << 30 | (1 << 29) | u->tok : u->tok;
      ev->var = u->var;
      ev->how = how;
    }
}

/* `LHS op= E`, `LHS = E`, `LHS++`, `++LHS`: after the operands.  */
static void
gather_assignments (const Reader *r, Vec *out)
{
  Func *f = r->f;
  int a = f->node->first, b = f->node->last;
  char *skip = xalloc (b - a + 1), *stop = xalloc (b - a + 1);
  mark_foreign (f->node, true, skip, stop, a);
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (skip[i - a] || in_unevaluated (r, i))
        continue;
      if (is_assign_op (k))
        {
          int l = expr_start (i - 1, a, stop), e = expr_end (i + 1, b);
          ValueEvent *ev = new_event (out, VE_ASSIGN, e, 3, i);
          ev->tie = -i;         /* `a = b = c`: the inner one first */
          ev->lhs = classify (f, l, i - 1);
          ev->value = k == '=' ? classify (f, i + 1, e)
                      : compound_value (ev->lhs, k);
          if (k != '=')
            {
              bool late = has_side_effects (i + 1, e);
              if (late)
                uses_after_right_side (r, l, i - 1, e);
              mention_again (r, l, i - 1, late ? e : i, late, out);
            }
        }
      else if (k == INC_OP || k == DEC_OP)
        {
          /* postfix if an operand ends just before it */
          int p = T (i - 1)->kind;
          bool postfix = (p == IDENTIFIER && i > a && !stop[i - 1 - a])
                         || p == ')'
                         || p == ']';
          int l = postfix ? postfix_start (i - 1, a, stop) : i + 1;
          int e = postfix ? i - 1 : unary_end (i + 1, b);
          ValueEvent *ev = new_event (out, VE_ASSIGN, postfix ? i : e, 3, i);
          ev->tie = -i;
          ev->lhs = classify (f, l, e);
          ev->value = expr_of (CD_EXPR_OTHER, NULL);
        }
    }
}

/* Declarations with an initializer: `T v = E`.  */
static void
gather_initializers (Func *f, Node *n, Vec *out)
{
  if (n->kind == N_DECL)
    for (int i = 0; i < n->vars.n; i++)
      {
        Var *v = n->vars.v[i];
        int eq = is_object (v) ? initializer_eq (v) : -1;
        if (eq < 0)
          continue;
        int e = expr_end (eq + 1, n->last);
        ValueEvent *ev = new_event (out, VE_ASSIGN, e, 3, v->tok);
        ev->tie = -eq;
        ev->lhs = expr_of (CD_EXPR_VAR, v);
        ev->lhs.bare = true;
        ev->value = T (eq + 1)->kind == '{' ? expr_of (CD_EXPR_OTHER, NULL)
                                            : classify (f, eq + 1, e);
      }
  for (int i = 0; i < n->kids.n; i++)
    if (((Node *) n->kids.v[i])->kind != N_FUNC)
      gather_initializers (f, n->kids.v[i], out);
}

/* The function a call calls by name, or NULL (through a pointer); *FIRST
   gets the callee's first token.  */
static Sym *
callee (Func *f, Call *c, int *first)
{
  int i = c->first, j = c->last;
  while (i < j && T (i)->kind == '(' && match (i, j) == j)
    i++, j--;
  *first = i;
  if (i != j || T (i)->kind != IDENTIFIER)
    return NULL;
  Var *v = var_at (f, i);
  return v && v->kind != B_FUNC ? NULL : T (i)->sym;
}

static unsigned
arg_flags (Sym *fn, int index)
{
  unsigned flags = 0;
  if (index < 64 && (fn->retains >> index & 1))
    flags |= CD_ARG_RETAINED;
  if (index < 64 && (fn->releases >> index & 1))
    flags |= CD_ARG_RELEASED;
  return flags;
}

/* Each argument of call C, split at the commas of depth 0.  Calls
   `f (a, b)` and the arguments' spans: returns how many.  */
static int
split_args (Call *c, int *firsts, int *lasts, int max)
{
  int open = c->last + 1, close = c->rparen, n = 0, s = open + 1;
  if (T (open)->kind != '(' || s == close)
    return 0;
  for (int j = s; j <= close; j++)
    {
      int k = T (j)->kind;
      if ((k == '(' || k == '[' || k == '{') && j < close)
        j = match (j, close);
      else if (k == ',' || j == close)
        {
          if (n < max)
            {
              firsts[n] = s;
              lasts[n] = j - 1;
            }
          n++;
          s = j + 1;
        }
    }
  return n < max ? n : max;
}

static void
gather_arguments (const Reader *r, Vec *out)
{
  Func *f = r->f;
  enum { MAX_ARGS = 64 };
  int firsts[MAX_ARGS], lasts[MAX_ARGS];
  for (int i = 0; i < f->calls.n; i++)
    {
      Call *c = f->calls.v[i];
      int first;
      Sym *fn = callee (f, c, &first);
      if (!fn || in_unevaluated (r, c->rparen))
        continue;
      int n = split_args (c, firsts, lasts, MAX_ARGS);
      for (int k = 0; k < n; k++)
        {
          struct cd_expr e = classify (f, firsts[k], lasts[k]);
          if (e.kind == CD_EXPR_OTHER)
            continue;
          ValueEvent *ev = new_event (out, VE_ARG, c->rparen, 2, first);
          ev->fn = fn;
          ev->index = k;
          ev->value = e;
        }
    }
}

/* !v, v == 0/NULL/-1 (either way round), v < 0, 0 > v, v <= -1,
   -1 >= v, and || of those.  */
static bool
tests_for_failure (Func *f, int a, int b, Var *v)
{
  strip (f, &a, &b, true);
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == OR_OP)
        return tests_for_failure (f, a, i - 1, v)
               || tests_for_failure (f, i + 1, b, v);
    }
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == AND_OP || k == '?')
        return false;
    }
  if (a > b)
    return false;
  if (T (a)->kind == '!')
    {
      struct cd_expr e = classify (f, a + 1, b);
      return e.kind == CD_EXPR_VAR && e.var == v && T (a + 1)->kind != '!';
    }
  int op = -1;
  for (int i = a; i <= b && op < 0; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == EQ_OP || k == '<' || k == LE_OP || k == '>'
               || k == GE_OP)
        op = i;
    }
  if (op < 0)
    return false;
  struct cd_expr l = classify (f, a, op - 1), r = classify (f, op + 1, b);
  int kind = T (op)->kind;
  if (r.kind == CD_EXPR_VAR && l.kind == CD_EXPR_CONST)
    {
      /* C op v: as v op' C */
      struct cd_expr t = l;
      l = r;
      r = t;
      kind = kind == '<' ? '>' : kind == '>' ? '<' : kind == LE_OP ? GE_OP
             : kind == GE_OP ? LE_OP : kind;
    }
  if (l.kind != CD_EXPR_VAR || l.var != v || r.kind != CD_EXPR_CONST)
    return false;
  switch (kind)
    {
    case EQ_OP: return r.value == 0 || r.value == -1;
    case '<': return r.value == 0;
    case LE_OP: return r.value == -1;
    default: return false;
    }
}

/* Is the condition A..B exactly V compared with zero: `!v`, `v == 0` or
   `0 == v`, V's name alone (no cast that could lose bits)?  Then V is
   nonzero wherever the condition is false.  */
static bool
tests_for_zero (Func *f, int a, int b, Var *v)
{
  strip (f, &a, &b, true);
  if (a > b)
    return false;
  if (T (a)->kind == '!')
    {
      struct cd_expr e = classify (f, a + 1, b);
      return e.kind == CD_EXPR_VAR && e.bare && e.var == v;
    }
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == EQ_OP)
        {
          struct cd_expr l = classify (f, a, i - 1);
          struct cd_expr r = classify (f, i + 1, b);
          if (r.kind == CD_EXPR_VAR)
            {
              struct cd_expr t = l;
              l = r;
              r = t;
            }
          return l.kind == CD_EXPR_VAR && l.bare && l.var == v
                 && r.kind == CD_EXPR_CONST && r.value == 0;
        }
    }
  return false;
}

/* Each variable an `if` condition mentions, once.  */
static void
gather_tests (Func *f, Node *n, Vec *out)
{
  if (n->kind == N_IF && n->e1 <= n->e2)
    for (int i = first_use_from (f, n->e1);
         i < f->uses.n && ((Use *) f->uses.v[i])->tok <= n->e2; i++)
      {
        Var *v = ((Use *) f->uses.v[i])->var;
        bool seen = !is_object (v) || !own_var (f, v);
        for (int j = first_use_from (f, n->e1); j < i && !seen; j++)
          seen = ((Use *) f->uses.v[j])->var == v;
        if (seen)
          continue;
        ValueEvent *ev = new_event (out, VE_TEST, n->e2, 4, n->e1 - 1);
        ev->var = v;
        ev->failure = tests_for_failure (f, n->e1, n->e2, v);
        ev->zero = tests_for_zero (f, n->e1, n->e2, v);
        ev->end = n->last;
      }
  for (int i = 0; i < n->kids.n; i++)
    if (((Node *) n->kids.v[i])->kind != N_FUNC)
      gather_tests (f, n->kids.v[i], out);
}

static int
cmp_event (const void *x, const void *y)
{
  const ValueEvent *a = *(ValueEvent *const *) x, *b = *(ValueEvent *const *) y;
  if (a->tok != b->tok)
    return (a->tok > b->tok) - (a->tok < b->tok);
  if (a->sub != b->sub)
    return a->sub - b->sub;
  return (a->tie > b->tie) - (a->tie < b->tie);
}

Vec
value_events (Func *f, const char *unevaluated)
{
  Reader r = { f, unevaluated,
               xalloc ((f->uses.n + 1) * sizeof (ValueEvent *)) };
  Vec out = { 0 };
  gather_uses (&r, &out);
  gather_assignments (&r, &out);
  gather_initializers (f, f->node, &out);
  gather_arguments (&r, &out);
  gather_tests (f, f->node, &out);
  if (out.n)
    qsort (out.v, out.n, sizeof *out.v, cmp_event);
  return out;
}

void
tell_value_event (cd_func *cd, ValueEvent *e)
{
  switch (e->kind)
    {
    case VE_USE:
      cd_use (cd, e->var, e->loc, e->how);
      break;
    case VE_ASSIGN:
      cd_assign (cd, e->lhs, e->value, e->loc);
      break;
    case VE_ARG:
      cd_arg (cd, e->fn->name, e->index, e->value,
              arg_flags (e->fn, e->index), e->loc);
      break;
    case VE_TEST:
      cd_test (cd, e->var, e->failure, e->loc, e->end);
      if (e->zero)
        cd_test_zero (cd);
      break;
    }
}

/* ---- declarations, returns, deferred calls ---- */

static enum cd_storage
storage_of (Var *v)
{
  if (v->kind == B_FUNC)
    return CD_NESTED_FUNCTION;
  if (v->is_static || v->is_extern || v->file_scope)
    return CD_STATIC;
  return v->is_param ? CD_PARAM : CD_AUTO;
}

/* The objects declared in N and the nested functions defined there.  */
static void
gather_declared (Node *n, Vec *vars)
{
  if (n->kind == N_DECL)
    for (int i = 0; i < n->vars.n; i++)
      if (is_object (n->vars.v[i]) && !((Var *) n->vars.v[i])->is_extern)
        vec_push (vars, n->vars.v[i]);
  for (int i = 0; i < n->kids.n; i++)
    {
      Node *k = n->kids.v[i];
      if (k->kind != N_FUNC)
        gather_declared (k, vars);
      else if (k->func && k->func->self)
        vec_push (vars, k->func->self);
    }
}

void
declared_vars (Func *f, Map *by_block)
{
  Vec vars = { 0 };
  for (int i = 0; i < f->params.n; i++)
    if (f->params.v[i] && ((Var *) f->params.v[i])->sym)
      vec_push (&vars, f->params.v[i]);
  gather_declared (f->node, &vars);
  for (int i = 0; i < vars.n; i++)
    {
      Var *v = vars.v[i];
      Vec *list = map_get (by_block, v->block, NULL);
      if (!list)
        {
          list = NEW (Vec);
          map_put (by_block, v->block, NULL, list);
        }
      vec_push (list, v);
    }
}

void
describe_vars_of (cd_func *cd, Map *by_block, Node *block)
{
  Vec *vars = map_get (by_block, block, NULL);
  for (int i = 0; vars && i < vars->n; i++)
    {
      Var *v = vars->v[i];
      unsigned flags = 0;
      if (v->kind == B_OBJ && is_array (v))
        flags |= CD_VAR_ARRAY;
      if (v->kind == B_OBJ && !is_array (v) && is_pointer (v))
        flags |= CD_VAR_POINTER;
      if (v->is_vla)
        flags |= CD_VAR_VLA;
      cd_var (cd, v, v->sym->name, v->tok, storage_of (v), flags);
    }
}

void
describe_return_value (cd_func *cd, Func *f, Node *ret)
{
  if (ret->e1 > ret->e2)
    return;
  int loc = ret->e1;
  cd_return_value (cd, loc, classify (f, ret->e1, ret->e2), ret->e1,
                   ret->e2);
}

/* The statement a block made of one statement holds.  */
static Node *
unbrace (Node *b)
{
  while (b && b->kind == N_BLOCK && b->kids.n == 1
         && ((Node *) b->kids.v[0])->first == b->first + 1
         && ((Node *) b->kids.v[0])->last == b->last - 1)
    b = b->kids.v[0];
  return b;
}

/* A condition `x`, `!x`, `x == K`, `x != K` (either way round).  */
static void
classify_condition (Func *f, int a, int b, struct cd_deferred_call *c)
{
  strip (f, &a, &b, true);
  if (a > b)
    return;
  struct cd_expr whole = classify (f, a, b);
  if (whole.kind == CD_EXPR_VAR)
    {
      c->cond_var = whole.var;
      c->cond_equal = false;
      c->cond_value = 0;
      return;
    }
  if (T (a)->kind == '!')
    {
      struct cd_expr e = classify (f, a + 1, b);
      if (e.kind == CD_EXPR_VAR && T (a + 1)->kind != '!')
        {
          c->cond_var = e.var;
          c->cond_equal = true;
          c->cond_value = 0;
        }
      return;
    }
  for (int i = a; i <= b; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[')
        i = match (i, b);
      else if (k == EQ_OP || k == NE_OP)
        {
          struct cd_expr l = classify (f, a, i - 1), r = classify (f, i + 1, b);
          if (l.kind == CD_EXPR_CONST)
            {
              struct cd_expr t = l;
              l = r;
              r = t;
            }
          if (l.kind == CD_EXPR_VAR && r.kind == CD_EXPR_CONST)
            {
              c->cond_var = l.var;
              c->cond_equal = k == EQ_OP;
              c->cond_value = r.value;
            }
          return;
        }
      else if (k == AND_OP || k == OR_OP || k == '?' || is_assign_op (k))
        return;
    }
}

void
describe_deferred_call (cd_func *cd, Func *f, Node *d, int id)
{
  Node *b = unbrace (d->body);
  struct cd_deferred_call c = { 0 };
  if (b && b->kind == N_IF && !b->els && b->body)
    {
      c.conditional = true;
      classify_condition (f, b->e1, b->e2, &c);
      b = unbrace (b->body);
    }
  if (!b || b->kind != N_EXPR)
    return;
  int x = b->e1, y = b->e2;
  strip (f, &x, &y, false);             /* (void) close (fd) */
  if (x >= y || T (x)->kind != IDENTIFIER || T (x + 1)->kind != '('
      || match (x + 1, y) != y)
    return;
  Var *fv = var_at (f, x);
  if (fv && fv->kind != B_FUNC)
    return;                             /* through a pointer */
  Sym *fn = T (x)->sym;
  Call call = { x, x, y };
  enum { MAX_ARGS = 64 };
  int firsts[MAX_ARGS], lasts[MAX_ARGS];
  struct cd_expr args[MAX_ARGS];
  int n = split_args (&call, firsts, lasts, MAX_ARGS);
  for (int k = 0; k < n; k++)
    args[k] = classify (f, firsts[k], lasts[k]);
  c.fn = fn->name;
  c.nargs = n;
  c.args = args;
  c.releases = fn->releases;
  c.null_ok = fn->null_ok;
  cd_defer_call (cd, id, &c);
}
