/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ice.c - integer constant expressions (C11 6.6p6) over a token span:
   integer, character and enumeration constants, sizeof and _Alignof of a
   type name, casts to integer types (of a floating constant too), and the
   arithmetic, relational, logical and conditional operators.  Anything
   else (a variable, a pointer, a floating constant that is not a cast's
   operand) is not one: const_eval fails.  Used for `do { } while (E)`
   (E == 0: not a loop for defer-in-loop), enumerator values and the
   lowering's constant tests.

   Sizes are those of the machine cdefer runs on, which is the target of
   every compiler it drives natively (gcc -m32 aside).  */

#include "fe.h"
#include "parse.h"
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

typedef struct Eval { int i, end; bool ok; Func *f; } Eval;

/* An enumeration constant's value: from the uses of function F, or from
   the live bindings while parsing.  */
static bool
enum_value (Eval *e, int tok, long long *v)
{
  Var *var = NULL;
  if (e->f)
    {
      int i = first_use_from (e->f, tok);
      if (i < e->f->uses.n && ((Use *) e->f->uses.v[i])->tok == tok)
        var = ((Use *) e->f->uses.v[i])->var;
    }
  else if (T (tok)->sym->bind)
    var = T (tok)->sym->bind->var;
  if (!var || var->kind != B_ENUM || !var->has_value)
    return false;
  *v = var->value;
  return true;
}

/* ---- type names ---- */

/* Is identifier TOK a typedef name?  The token array keeps IDENTIFIER
   for them; an identifier that F uses as an expression is none, else the
   binding visible now says (while parsing: the live one; afterwards: the
   file scope's).  */
static bool
is_typedef_name (Eval *e, int tok)
{
  if (T (tok)->kind != IDENTIFIER && T (tok)->kind != TYPEDEF_NAME)
    return false;
  if (e->f)
    {
      int i = first_use_from (e->f, tok);
      if (i < e->f->uses.n && ((Use *) e->f->uses.v[i])->tok == tok)
        return false;
    }
  Binding *b = T (tok)->sym->bind;
  return b && b->var->kind == B_TYPEDEF;
}

typedef struct TypeInfo {
  int size, align;
  bool is_int, is_unsigned, is_bool;
} TypeInfo;

static bool type_of_span (Eval *e, int first, int last, TypeInfo *t,
                          int depth);

/* A typedef name at file scope (the bindings of blocks are gone once the
   function is parsed; a block's typedef is not known here).  */
static bool
typedef_type (int tok, TypeInfo *t, int depth)
{
  Binding *b = T (tok)->sym->bind;
  Var *v = b ? b->var : NULL;
  if (!v || v->kind != B_TYPEDEF || depth > 8)
    return false;
  for (int i = v->d_first; i <= v->d_last; i++)
    if (i != v->tok && T (i)->kind != ATTRIBUTE)
      return false;     /* a pointer, array or function declarator */
  Eval outer = { 0, 0, true, NULL };    /* the typedef's own tokens */
  return type_of_span (&outer, v->ds_first, v->ds_last, t, depth + 1);
}

/* The type named by the specifiers (and a pointer declarator) in
   [FIRST, LAST]: false for types it does not know (structures, arrays,
   block-scope typedefs, vectors...).  */
static bool
type_of_span (Eval *e, int first, int last, TypeInfo *t, int depth)
{
  int longs = 0, base = 0;
  bool is_unsigned = false, pointer = false, named = false;
  for (int i = first; i <= last; i++)
    switch (T (i)->kind)
      {
      case TYPEDEF: case CONST: case VOLATILE: case RESTRICT: case ATOMIC:
      case SIGNED:
        break;
      case UNSIGNED: is_unsigned = true; break;
      case LONG: longs++; break;
      case CHAR: case SHORT: case INT: case BOOL: case FLOAT: case DOUBLE:
      case VOID:
        base = T (i)->kind;
        break;
      case ENUM:
        base = ENUM;
        if (i + 1 <= last && T (i + 1)->kind != '{')
          i++;              /* the tag */
        break;
      case '*':
        pointer = true;
        break;
      default:
        if (named || base || !is_typedef_name (e, i)
            || !typedef_type (i, t, depth))
          return false;
        named = true;
        break;
      }
  if (pointer)
    {
      *t = (TypeInfo) { sizeof (void *), alignof (void *), false, false, false };
      return true;
    }
  if (named)
    return !base && !longs;
  switch (base)
    {
    case CHAR: *t = (TypeInfo) { 1, 1, true, is_unsigned, false }; break;
    case SHORT: *t = (TypeInfo) { 2, 2, true, is_unsigned, false }; break;
    case BOOL: *t = (TypeInfo) { 1, 1, true, true, true }; break;
    case ENUM: *t = (TypeInfo) { 4, 4, true, false, false }; break;
    case FLOAT: *t = (TypeInfo) { 4, 4, false, false, false }; break;
    case DOUBLE:
      *t = longs ? (TypeInfo) { sizeof (long double), alignof (long double),
                                false, false, false }
                 : (TypeInfo) { 8, alignof (double), false, false, false };
      break;
    case VOID:
      return false;
    default:            /* int, or only long/signed/unsigned */
      if (longs == 1)
        *t = (TypeInfo) { sizeof (long), alignof (long), true, is_unsigned,
                          false };
      else if (longs >= 2)
        *t = (TypeInfo) { sizeof (long long), alignof (long long), true,
                          is_unsigned, false };
      else
        *t = (TypeInfo) { 4, 4, true, is_unsigned, false };
      break;
    }
  return true;
}

/* Is typedef name TOK (at file scope) an integer type?  */
bool
typedef_is_integer (int tok)
{
  TypeInfo t;
  return typedef_type (tok, &t, 0) && t.is_int;
}

static bool
starts_type_name (Eval *e, int tok)
{
  if (is_typedef_name (e, tok))
    return true;
  switch (T (tok)->kind)
    {
    case CONST: case VOLATILE: case RESTRICT: case ATOMIC: case SIGNED:
    case UNSIGNED: case LONG: case CHAR: case SHORT: case INT: case BOOL:
    case FLOAT: case DOUBLE: case VOID: case ENUM: case STRUCT: case UNION:
    case TYPEDEF_NAME: case XTYPE: case TYPEOF: case COMPLEX:
      return true;
    default:
      return false;
    }
}

/* The ')' that closes the '(' at token OPEN, or -1 past END.  */
static int
closing_paren (int open, int end)
{
  int depth = 0;
  for (int i = open; i <= end; i++)
    if (T (i)->kind == '(')
      depth++;
    else if (T (i)->kind == ')' && --depth == 0)
      return i;
  return -1;
}

/* A value converted to integer type T.  */
static long long
convert (long long v, const TypeInfo *t)
{
  if (t->is_bool)
    return v != 0;
  if (t->size >= 8)
    return v;
  int bits = 8 * t->size;
  unsigned long long m = (1ull << bits) - 1, u = (unsigned long long) v & m;
  if (t->is_unsigned || !(u >> (bits - 1)))
    return (long long) u;
  return (long long) (u | ~m);
}

/* ---- expressions ---- */

static long long ev_cond (Eval *e);
static long long ev_unary (Eval *e);

static bool
is_floating_constant (int tok)
{
  const char *s = tok_text (tok);
  if (s[0] == '\'' || s[0] == 'L' || s[0] == 'u' || s[0] == 'U')
    return false;
  bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  return strchr (s, '.') || strpbrk (s, hex ? "pP" : "eE");
}

/* `( type-name ) cast-expression`, at the '('.  */
static long long
ev_cast (Eval *e, int close)
{
  TypeInfo t;
  if (!type_of_span (e, e->i + 1, close - 1, &t, 0) || !t.is_int)
    {
      e->ok = false;
      return 0;
    }
  e->i = close + 1;
  if (e->i <= e->end && T (e->i)->kind == CONSTANT
      && is_floating_constant (e->i))
    return convert ((long long) strtod (tok_text (e->i++), NULL), &t);
  return convert (ev_unary (e), &t);
}

/* `sizeof ( type-name )` or `_Alignof ( type-name )`, at the keyword.  */
static long long
ev_sizeof (Eval *e)
{
  bool size = T (e->i)->kind == SIZEOF;
  int open = e->i + 1, close;
  TypeInfo t;
  if (open > e->end || T (open)->kind != '(' || !starts_type_name (e, open + 1)
      || (close = closing_paren (open, e->end)) < 0
      || !type_of_span (e, open + 1, close - 1, &t, 0))
    {
      e->ok = false;
      return 0;
    }
  e->i = close + 1;
  return size ? t.size : t.align;
}

static long long
ev_constant (Eval *e)
{
  int tok = e->i++;
  const char *s = tok_text (tok);
  if (s[0] == '\'')
    return s[1] == '\\' ? (s[2] == '0' ? 0 : s[2]) : s[1];
  if (is_floating_constant (tok) || s[0] == 'L' || s[0] == 'u'
      || s[0] == 'U')
    {
      e->ok = false;
      return 0;
    }
  return (long long) strtoull (s, NULL, 0);
}

static long long
ev_unary (Eval *e)
{
  if (e->i > e->end)
    {
      e->ok = false;
      return 0;
    }
  Token *t = T (e->i);
  int close;
  switch (t->kind)
    {
    case '(':
      if (starts_type_name (e, e->i + 1)
          && (close = closing_paren (e->i, e->end)) > 0)
        return ev_cast (e, close);
      {
        e->i++;
        long long v = ev_cond (e);
        if (e->i <= e->end && T (e->i)->kind == ')')
          e->i++;
        else
          e->ok = false;
        return v;
      }
    case '-': case '+': case '!': case '~':
      {
        e->i++;
        long long v = ev_unary (e);
        return t->kind == '-' ? -v : t->kind == '+' ? v
               : t->kind == '!' ? !v : ~v;
      }
    case SIZEOF: case ALIGNOF:
      return ev_sizeof (e);
    case IDENTIFIER:
      {
        long long v = 0;
        if (!enum_value (e, e->i, &v))
          e->ok = false;
        e->i++;
        return v;
      }
    case CONSTANT:
      return ev_constant (e);
    default:
      e->ok = false;
      return 0;
    }
}

static int
prec (int k)
{
  switch (k)
    {
    case '*': case '/': case '%': return 10;
    case '+': case '-': return 9;
    case LEFT_OP: case RIGHT_OP: return 8;
    case '<': case '>': case LE_OP: case GE_OP: return 7;
    case EQ_OP: case NE_OP: return 6;
    case '&': return 5;
    case '^': return 4;
    case '|': return 3;
    case AND_OP: return 2;
    case OR_OP: return 1;
    default: return 0;
    }
}

static long long
ev_binary (Eval *e, int min)
{
  long long l = ev_unary (e);
  while (e->ok && e->i <= e->end)
    {
      int k = T (e->i)->kind, p = prec (k);
      if (!p || p < min)
        break;
      e->i++;
      long long r = ev_binary (e, p + 1);
      switch (k)
        {
        case '*': l *= r; break;
        case '/': if (r) l /= r; else e->ok = false; break;
        case '%': if (r) l %= r; else e->ok = false; break;
        case '+': l += r; break;
        case '-': l -= r; break;
        case LEFT_OP: l <<= (r & 63); break;
        case RIGHT_OP: l >>= (r & 63); break;
        case '<': l = l < r; break;
        case '>': l = l > r; break;
        case LE_OP: l = l <= r; break;
        case GE_OP: l = l >= r; break;
        case EQ_OP: l = l == r; break;
        case NE_OP: l = l != r; break;
        case '&': l &= r; break;
        case '^': l ^= r; break;
        case '|': l |= r; break;
        case AND_OP: l = l && r; break;
        case OR_OP: l = l || r; break;
        }
    }
  return l;
}

static long long
ev_cond (Eval *e)
{
  long long c = ev_binary (e, 1);
  if (e->ok && e->i <= e->end && T (e->i)->kind == '?')
    {
      e->i++;
      long long a = ev_cond (e);
      if (e->i > e->end || T (e->i)->kind != ':')
        {
          e->ok = false;
          return 0;
        }
      e->i++;
      long long b = ev_cond (e);
      return c ? a : b;
    }
  return c;
}

bool
const_eval (int first, int last, Func *f, long long *v)
{
  Eval e = { first, last, true, f };
  *v = ev_cond (&e);
  return e.ok && e.i == last + 1;
}
