/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ice.c - is a piece of source text an integer constant expression
   (C11 6.6p6)?  For `do { } while (E)`: only an E that is one, equal to
   0, makes the do-while not a loop for defer-in-loop (SPEC 4).  A
   compiler folds `0 && x`, `x * 0`, `(void *) 0` and `0.0` to 0 as well,
   so its trees cannot tell; the text can.

   A recogniser, not an evaluator: the backend knows the value.  It reads
   the C grammar from conditional-expression down to primary-expression
   over tokens of the text, and asks the backend what each identifier
   names.  Allowed (6.6p6): integer and character constants, enumeration
   constants, sizeof and _Alignof, casts to integer types of integer
   constant expressions and of floating constants, and the unary, binary
   and conditional operators.  Not allowed: objects (outside sizeof),
   function calls, the comma operator, assignments, casts to other
   types, floating constants elsewhere.  A name that the backend cannot
   place (a macro: the text is from before preprocessing) makes the answer
   CD_ICE_UNKNOWN.  */

#include <ctype.h>
#include <string.h>

#include "cdefer-core.h"

struct reader
{
  const char *s;		/* the text, at the current token */
  cd_name_kind_fn kind;
  void *ctx;
  enum cd_ice result;		/* NO or UNKNOWN once decided */
  int depth;
};

/* ---- tokens ---- */

static void
skip_blanks (struct reader *r)
{
  for (;;)
    {
      while (isspace ((unsigned char) *r->s))
	r->s++;
      if (r->s[0] == '/' && r->s[1] == '*')
	{
	  const char *e = strstr (r->s + 2, "*/");
	  r->s = e ? e + 2 : r->s + strlen (r->s);
	}
      else if (r->s[0] == '/' && r->s[1] == '/')
	r->s += strcspn (r->s, "\n");
      else
	return;
    }
}

static bool
is_ident_start (char c)
{
  return isalpha ((unsigned char) c) || c == '_';
}

static bool
is_ident_char (char c)
{
  return isalnum ((unsigned char) c) || c == '_';
}

/* The length of the identifier at the current token, 0 if none.  */
static size_t
ident_len (struct reader *r)
{
  skip_blanks (r);
  size_t n = 0;
  if (is_ident_start (r->s[0]))
    while (is_ident_char (r->s[n]))
      n++;
  return n;
}

static bool
at_word (struct reader *r, const char *w)
{
  size_t n = ident_len (r);
  return n == strlen (w) && memcmp (r->s, w, n) == 0;
}

/* Is the current token the punctuator P (and not the start of a longer
   one: `&` is not `&&`, `<` is not `<<` or `<=`)?  */
static bool
at_punct (struct reader *r, const char *p)
{
  skip_blanks (r);
  size_t n = strlen (p);
  if (strncmp (r->s, p, n) != 0)
    return false;
  char next = r->s[n];
  static const char *const longer[] = {
    "&&", "||", "<<", ">>", "<=", ">=", "==", "!=", "->", "++", "--",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", NULL
  };
  for (int i = 0; longer[i]; i++)
    if (strlen (longer[i]) > n && strncmp (r->s, longer[i], n) == 0
	&& longer[i][n] == next)
      return false;
  return true;
}

static bool
take_punct (struct reader *r, const char *p)
{
  if (!at_punct (r, p))
    return false;
  r->s += strlen (p);
  return true;
}

static void
fail (struct reader *r, enum cd_ice why)
{
  if (r->result == CD_ICE_YES || why == CD_ICE_NO)
    r->result = why;
}

/* Skip a balanced group starting at the current `(`.  */
static void
skip_group (struct reader *r)
{
  int depth = 0;
  do
    {
      char c = *r->s;
      if (!c)
	{
	  fail (r, CD_ICE_UNKNOWN);
	  return;
	}
      if (c == '"' || c == '\'')
	{
	  for (r->s++; *r->s && *r->s != c; r->s++)
	    if (*r->s == '\\' && r->s[1])
	      r->s++;
	  if (*r->s)
	    r->s++;
	  continue;
	}
      depth += c == '(';
      depth -= c == ')';
      r->s++;
    }
  while (depth > 0);
}

/* A number: integer (true) or floating (false) constant.  */
static bool
take_number (struct reader *r, bool *integer)
{
  skip_blanks (r);
  const char *p = r->s;
  if (!isdigit ((unsigned char) p[0])
      && !(p[0] == '.' && isdigit ((unsigned char) p[1])))
    return false;
  bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
  *integer = true;
  /* A pp-number: digits, letters, '.', and signs after an exponent.  */
  for (p += hex ? 2 : 0; *p; p++)
    {
      if (*p == '.')
	*integer = false;
      else if ((*p == 'e' || *p == 'E') && !hex)
	{
	  *integer = false;
	  if (p[1] == '+' || p[1] == '-')
	    p++;
	}
      else if ((*p == 'p' || *p == 'P') && hex)
	{
	  *integer = false;
	  if (p[1] == '+' || p[1] == '-')
	    p++;
	}
      else if (!is_ident_char (*p))
	break;
    }
  /* Floating suffixes on a decimal number: 1.0f; `f` alone ends an
     integer's suffix only in hex, where it is a digit.  */
  r->s = p;
  return true;
}

static bool
take_char_constant (struct reader *r)
{
  skip_blanks (r);
  const char *p = r->s;
  if (*p == 'L' || *p == 'u' || *p == 'U')
    p += p[1] == '8' ? 2 : 1;
  if (*p != '\'')
    return false;
  for (p++; *p && *p != '\''; p++)
    if (*p == '\\' && p[1])
      p++;
  r->s = *p ? p + 1 : p;
  return true;
}

/* ---- type names ---- */

enum type_class { NOT_A_TYPE, INTEGER_TYPE, OTHER_TYPE, UNKNOWN_TYPE };

/* Does a type name start at the current token?  */
static bool
starts_type_name (struct reader *r)
{
  static const char *const words[] = {
    "void", "char", "short", "int", "long", "float", "double", "signed",
    "unsigned", "_Bool", "_Complex", "struct", "union", "enum", "const",
    "volatile", "restrict", "_Atomic", "__int128", "__typeof__", "typeof",
    "__typeof", NULL
  };
  size_t n = ident_len (r);
  if (!n)
    return false;
  for (int i = 0; words[i]; i++)
    if (strlen (words[i]) == n && memcmp (r->s, words[i], n) == 0)
      return true;
  enum cd_name_kind k = r->kind (r->ctx, r->s, n);
  return k == CD_NAME_INT_TYPE || k == CD_NAME_OTHER_TYPE;
}

/* Read the type name up to the closing `)` (consumed): is it an integer
   type?  */
static enum type_class
take_type_name (struct reader *r)
{
  enum type_class c = UNKNOWN_TYPE;
  bool integer_word = false, other_word = false;
  for (;;)
    {
      skip_blanks (r);
      if (take_punct (r, ")"))
	break;
      size_t n = ident_len (r);
      if (!n)
	{
	  /* `*`, `[`, `(`: a pointer, array or function type.  */
	  if (!*r->s)
	    return UNKNOWN_TYPE;
	  other_word = true;
	  if (*r->s == '(' || *r->s == '[')
	    {
	      char close = *r->s == '(' ? ')' : ']';
	      int depth = 0;
	      for (; *r->s; r->s++)
		{
		  depth += *r->s == '(' || *r->s == '[';
		  depth -= *r->s == ')' || *r->s == ']';
		  if (depth == 0 && *r->s == close)
		    break;
		}
	      if (*r->s)
		r->s++;
	    }
	  else
	    r->s++;
	  continue;
	}
      if (at_word (r, "char") || at_word (r, "short") || at_word (r, "int")
	  || at_word (r, "long") || at_word (r, "signed")
	  || at_word (r, "unsigned") || at_word (r, "_Bool")
	  || at_word (r, "__int128"))
	integer_word = true;
      else if (at_word (r, "enum"))
	{
	  integer_word = true;
	  r->s += n;
	  n = ident_len (r);		/* the tag */
	}
      else if (at_word (r, "const") || at_word (r, "volatile")
	       || at_word (r, "restrict") || at_word (r, "_Atomic"))
	;
      else if (at_word (r, "void") || at_word (r, "float")
	       || at_word (r, "double") || at_word (r, "_Complex")
	       || at_word (r, "struct") || at_word (r, "union"))
	other_word = true;
      else
	switch (r->kind (r->ctx, r->s, n))
	  {
	  case CD_NAME_INT_TYPE:
	    integer_word = true;
	    break;
	  case CD_NAME_OTHER_TYPE:
	    other_word = true;
	    break;
	  default:
	    return UNKNOWN_TYPE;
	  }
      r->s += n;
    }
  if (other_word)
    c = OTHER_TYPE;
  else if (integer_word)
    c = INTEGER_TYPE;
  return c;
}

/* ---- expressions ---- */

static void conditional (struct reader *r);

/* The operand of sizeof without parentheses: a unary expression, which
   sizeof does not evaluate; skipped.  */
static void
skip_unary_operand (struct reader *r)
{
  skip_blanks (r);
  while (at_punct (r, "*") || at_punct (r, "&") || at_punct (r, "-")
	 || at_punct (r, "+") || at_punct (r, "!") || at_punct (r, "~"))
    r->s++;
  skip_blanks (r);
  size_t n = ident_len (r);
  bool integer;
  if (n)
    r->s += n;
  else if (*r->s == '(')
    skip_group (r);
  else if (!take_number (r, &integer) && !take_char_constant (r))
    {
      fail (r, CD_ICE_UNKNOWN);
      return;
    }
  /* Postfix: [..], (..), .m, ->m.  */
  for (;;)
    {
      skip_blanks (r);
      if (*r->s == '[')
	{
	  int depth = 0;
	  for (; *r->s; r->s++)
	    {
	      depth += *r->s == '[';
	      depth -= *r->s == ']';
	      if (!depth)
		break;
	    }
	  if (*r->s)
	    r->s++;
	}
      else if (*r->s == '(')
	skip_group (r);
      else if (take_punct (r, ".") || take_punct (r, "->"))
	r->s += ident_len (r);
      else
	return;
    }
}

static void
unary (struct reader *r)
{
  if (++r->depth > 200)
    {
      fail (r, CD_ICE_UNKNOWN);
      return;
    }
  skip_blanks (r);
  bool integer;
  if (take_punct (r, "+") || take_punct (r, "-") || take_punct (r, "~")
      || take_punct (r, "!"))
    unary (r);
  else if (at_word (r, "sizeof") || at_word (r, "_Alignof")
	   || at_word (r, "__alignof__") || at_word (r, "alignof"))
    {
      r->s += ident_len (r);
      skip_blanks (r);
      if (*r->s == '(')
	skip_group (r);		/* (type-name) or (expression) */
      else
	skip_unary_operand (r);
    }
  else if (at_punct (r, "("))
    {
      r->s++;
      if (starts_type_name (r))
	{
	  enum type_class c = take_type_name (r);
	  if (c == OTHER_TYPE)
	    fail (r, CD_ICE_NO);
	  else if (c == UNKNOWN_TYPE)
	    fail (r, CD_ICE_UNKNOWN);
	  /* A floating constant is allowed as a cast's immediate operand.  */
	  const char *save = r->s;
	  if (take_number (r, &integer))
	    return;
	  r->s = save;
	  unary (r);
	}
      else
	{
	  conditional (r);
	  if (!take_punct (r, ")"))
	    fail (r, CD_ICE_NO);	/* a comma operator, ... */
	}
    }
  else if (take_number (r, &integer))
    {
      if (!integer)
	fail (r, CD_ICE_NO);
    }
  else if (take_char_constant (r))
    ;
  else if (ident_len (r))
    {
      size_t n = ident_len (r);
      enum cd_name_kind k = r->kind (r->ctx, r->s, n);
      r->s += n;
      if (k == CD_NAME_OBJECT)
	fail (r, CD_ICE_NO);
      else if (k != CD_NAME_ENUMERATOR)
	{
	  /* A macro's arguments are no call.  */
	  fail (r, CD_ICE_UNKNOWN);
	  skip_blanks (r);
	  if (*r->s == '(')
	    skip_group (r);
	}
    }
  else
    fail (r, CD_ICE_UNKNOWN);
  /* Postfix operators: never in an integer constant expression.  */
  skip_blanks (r);
  if (*r->s == '(' || *r->s == '[' || at_punct (r, ".") || at_punct (r, "->")
      || at_punct (r, "++") || at_punct (r, "--"))
    fail (r, CD_ICE_NO);
  r->depth--;
}

/* The binary operators, loosest first; each level's operands are the
   next level's.  */
static const char *const binary_levels[][5] = {
  { "||" }, { "&&" }, { "|" }, { "^" }, { "&" }, { "==", "!=" },
  { "<", ">", "<=", ">=" }, { "<<", ">>" }, { "+", "-" }, { "*", "/", "%" }
};
enum { LEVELS = sizeof binary_levels / sizeof binary_levels[0] };

static void
binary (struct reader *r, int level)
{
  if (level == LEVELS)
    {
      unary (r);
      return;
    }
  binary (r, level + 1);
  for (;;)
    {
      bool taken = false;
      for (int i = 0; i < 5 && binary_levels[level][i]; i++)
	if (take_punct (r, binary_levels[level][i]))
	  {
	    taken = true;
	    break;
	  }
      if (!taken)
	return;
      binary (r, level + 1);
    }
}

static void
conditional (struct reader *r)
{
  binary (r, 0);
  if (take_punct (r, "?"))
    {
      conditional (r);
      if (!take_punct (r, ":"))
	fail (r, CD_ICE_UNKNOWN);
      conditional (r);
    }
}

enum cd_ice
cd_text_is_ice (const char *text, cd_name_kind_fn kind, void *ctx)
{
  struct reader r = { text, kind, ctx, CD_ICE_YES, 0 };
  conditional (&r);
  skip_blanks (&r);
  if (*r.s)
    fail (&r, at_punct (&r, ",") || at_punct (&r, "=") ? CD_ICE_NO
							 : CD_ICE_UNKNOWN);
  return r.result;
}
