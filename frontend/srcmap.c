/* SPDX-License-Identifier: GPL-3.0-or-later */
/* srcmap.c - where the tokens of the preprocessed input stand in the
   original file (cdefer migrate edits the original, never the -E output).

   The lexer knows each token's original line, but not its byte column:
   `cc -E` puts only the first token of a line at its column and macro
   expansions anywhere.  So the original file is lexed again, raw (no
   preprocessing), and each line's raw tokens are matched with the tokens
   the preprocessor gave for that line.  A raw identifier that names a
   macro (an object-like one, or a function-like one followed by its
   arguments) is a *group*: it stands for any run of preprocessed tokens.
   A line is then a pattern, literal tokens and wildcards, matched against
   the preprocessed tokens of that line; a literal token is *placed* only
   when every match puts it at the same preprocessed token (its earliest
   and its latest possible match agree), and a group's expansion is known
   only when the literals around it are placed.  Anything not placed
   cannot be edited: the caller refuses.  */

#include "fe.h"
#include "migrate.h"
#include <stdlib.h>
#include <string.h>

typedef struct Raw {
  unsigned off, len;
  int line;
  int group;              /* index of its group, or -1 */
} Raw;

typedef struct Group {
  int first, last;        /* raw tokens */
  int pfirst, plast;      /* its expansion (preprocessed tokens), pfirst
                             > plast when empty; pfirst -2: not known */
} Group;

static struct {
  const char *text;       /* the original file */
  size_t size;
  Raw *raw;
  int nraw, capraw;
  Group *groups;
  int ngroups, capgroups;
  int nlines;
  bool *directive;        /* per line: part of a preprocessing directive */
  bool *aligned;          /* per line: its tokens matched */
  int *pmap;              /* per preprocessed token: raw token, or -1 */
  int *pgroup;            /* per preprocessed token: the group it expands, or -1 */
  int main_file;          /* index in unit->files, or -1 */
  /* macro names: open addressing, kind 1 object-like, 2 function-like */
  char **names;
  char *kinds;
  size_t capnames, nnames;
} M;

static void *
xmalloc0 (size_t n)
{
  void *p = calloc (1, n ? n : 1);
  if (!p)
    {
      perror ("cdefer");
      exit (2);
    }
  return p;
}

static void *
grow (void *p, int *cap, int need, size_t size)
{
  if (need <= *cap)
    return p;
  int c = *cap ? *cap : 64;
  while (c < need)
    c *= 2;
  p = realloc (p, (size_t) c * size);
  if (!p)
    {
      perror ("cdefer");
      exit (2);
    }
  *cap = c;
  return p;
}

/* ---- macro names ---- */

static size_t
hash (const char *s, size_t n)
{
  size_t h = 5381;
  for (size_t i = 0; i < n; i++)
    h = h * 33 + (unsigned char) s[i];
  return h;
}

static void
add_macro (const char *s, size_t n, int kind)
{
  if (2 * (M.nnames + 1) > M.capnames)
    {
      size_t cap = M.capnames ? M.capnames * 2 : 1024;
      char **names = xmalloc0 (cap * sizeof *names);
      char *kinds = xmalloc0 (cap);
      for (size_t i = 0; i < M.capnames; i++)
        if (M.names[i])
          {
            size_t h = hash (M.names[i], strlen (M.names[i])) & (cap - 1);
            while (names[h])
              h = (h + 1) & (cap - 1);
            names[h] = M.names[i];
            kinds[h] = M.kinds[i];
          }
      free (M.names);
      free (M.kinds);
      M.names = names;
      M.kinds = kinds;
      M.capnames = cap;
    }
  size_t h = hash (s, n) & (M.capnames - 1);
  while (M.names[h])
    {
      if (strlen (M.names[h]) == n && !memcmp (M.names[h], s, n))
        {
          if (kind > M.kinds[h])
            M.kinds[h] = (char) kind;   /* both: take it as the wider */
          return;
        }
      h = (h + 1) & (M.capnames - 1);
    }
  M.names[h] = xmalloc0 (n + 1);
  memcpy (M.names[h], s, n);
  M.kinds[h] = (char) kind;
  M.nnames++;
}

static int
macro_kind (const char *s, size_t n)
{
  if (!M.capnames)
    return 0;
  size_t h = hash (s, n) & (M.capnames - 1);
  while (M.names[h])
    {
      if (strlen (M.names[h]) == n && !memcmp (M.names[h], s, n))
        return M.kinds[h];
      h = (h + 1) & (M.capnames - 1);
    }
  return 0;
}

int
srcmap_macro_kind (const char *name)
{
  return macro_kind (name, strlen (name));
}

static bool
is_ident_start (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
         || c == '$' || c >= 0x80;
}

static bool
is_ident_char (int c)
{
  return is_ident_start (c) || (c >= '0' && c <= '9');
}

/* "#define NAME..." at P (after the '#'): note NAME.  */
static void
note_define (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (end - p < 6 || memcmp (p, "define", 6))
    return;
  p += 6;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  const char *name = p;
  while (p < end && is_ident_char ((unsigned char) *p))
    p++;
  if (p > name)
    add_macro (name, (size_t) (p - name), p < end && *p == '(' ? 2 : 1);
}

/* The names of `cc -E -dM` output TEXT.  */
static void
srcmap_add_macros (const char *text)
{
  for (const char *p = text; p && *p;)
    {
      const char *e = strchr (p, '\n');
      if (!e)
        e = p + strlen (p);
      if (*p == '#')
        note_define (p + 1, e);
      p = *e ? e + 1 : e;
    }
}

/* Macros the compiler expands without a #define.  */
static void
add_builtin_macros (void)
{
  static const char *const obj[] = {
    "__FILE__", "__LINE__", "__COUNTER__", "__DATE__", "__TIME__",
    "__TIMESTAMP__", "__BASE_FILE__", "__FILE_NAME__", "__INCLUDE_LEVEL__",
    NULL
  };
  for (int i = 0; obj[i]; i++)
    add_macro (obj[i], strlen (obj[i]), 1);
  add_macro ("_Pragma", 7, 2);
}

/* ---- the raw lexer ---- */

static const char *const puncts[] = {
  "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
  "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:",
  ":>", "<%", "%>", "%:", NULL
};

static void
add_raw (unsigned off, unsigned len, int line)
{
  M.raw = grow (M.raw, &M.capraw, M.nraw + 1, sizeof *M.raw);
  M.raw[M.nraw++] = (Raw) { off, len, line, -1 };
}

static void
mark_directive (int l1, int l2)
{
  for (int l = l1; l <= l2 && l <= M.nlines; l++)
    M.directive[l] = true;
}

/* The length of the quoted literal at P (quote Q), on one line.  */
static size_t
quoted_len (const char *p, const char *end, char q)
{
  const char *s = p + 1;
  while (s < end && *s != q && *s != '\n')
    s += (*s == '\\' && s + 1 < end) ? 2 : 1;
  return (size_t) ((s < end && *s == q ? s + 1 : s) - p);
}

static void
lex_raw (void)
{
  const char *s = M.text, *end = M.text + M.size;
  const char *p = s;
  int line = 1;
  bool bol = true;              /* nothing but white space since the newline */
  while (p < end)
    {
      char c = *p;
      if (c == '\n')
        {
          line++, p++, bol = true;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        {
          p++;
          continue;
        }
      if (c == '\\' && p + 1 < end && (p[1] == '\n'
                                       || (p[1] == '\r' && p + 2 < end
                                           && p[2] == '\n')))
        {
          p += p[1] == '\n' ? 2 : 3;
          line++;
          continue;
        }
      if (c == '/' && p + 1 < end && p[1] == '*')
        {
          const char *e = p + 2;
          while (e + 1 < end && !(e[0] == '*' && e[1] == '/'))
            line += *e++ == '\n';
          p = e + 1 < end ? e + 2 : end;
          continue;
        }
      if (c == '/' && p + 1 < end && p[1] == '/')
        {
          while (p < end && *p != '\n')
            {
              if (*p == '\\' && p + 1 < end && p[1] == '\n')
                line++, p++;
              p++;
            }
          continue;
        }
      if (c == '#' && bol)
        {
          /* A directive: to the end of its logical line.  */
          int first = line;
          const char *d = p + 1, *e = p + 1;
          while (e < end && *e != '\n')
            {
              if (*e == '\\' && e + 1 < end && e[1] == '\n')
                line++, e++;
              else if (*e == '/' && e + 1 < end && e[1] == '*')
                {
                  e += 2;
                  while (e + 1 < end && !(e[0] == '*' && e[1] == '/'))
                    line += *e++ == '\n';
                  e++;
                }
              e++;
            }
          mark_directive (first, line);
          note_define (d, e);
          p = e;
          continue;
        }
      bol = false;
      unsigned off = (unsigned) (p - s);
      size_t n = 1;
      if (c == '"' || c == '\'')
        n = quoted_len (p, end, c);
      else if (is_ident_start ((unsigned char) c))
        {
          while (p + n < end && is_ident_char ((unsigned char) p[n]))
            n++;
          /* an encoding prefix of a literal: L"", u8'' */
          if (p + n < end && (p[n] == '"' || p[n] == '\'')
              && ((n == 1 && (c == 'L' || c == 'u' || c == 'U'))
                  || (n == 2 && c == 'u' && p[1] == '8')))
            n += quoted_len (p + n, end, p[n]);
        }
      else if ((c >= '0' && c <= '9')
               || (c == '.' && p + 1 < end && p[1] >= '0' && p[1] <= '9'))
        {
          while (p + n < end)
            {
              char d = p[n];
              if ((d == '+' || d == '-')
                  && strchr ("eEpP", p[n - 1]))
                n++;
              else if (is_ident_char ((unsigned char) d) || d == '.')
                n++;
              else
                break;
            }
        }
      else
        for (int i = 0; puncts[i]; i++)
          {
            size_t k = strlen (puncts[i]);
            if ((size_t) (end - p) >= k && !memcmp (p, puncts[i], k))
              {
                n = k;
                break;
              }
          }
      add_raw (off, (unsigned) n, line);
      p += n;
    }
  M.nlines = line;
}

/* ---- groups: macro invocations in the raw text ---- */

static bool
raw_is (int i, const char *s)
{
  size_t n = strlen (s);
  return i < M.nraw && M.raw[i].len == n && !memcmp (M.text + M.raw[i].off, s, n);
}

static void
find_groups (void)
{
  for (int i = 0; i < M.nraw; i++)
    {
      Raw *r = &M.raw[i];
      if (!is_ident_start ((unsigned char) M.text[r->off])
          || M.text[r->off + r->len - 1] == '"'
          || M.text[r->off + r->len - 1] == '\'')
        continue;
      int kind = macro_kind (M.text + r->off, r->len);
      int last = i;
      if (kind == 2)
        {
          if (!raw_is (i + 1, "("))
            continue;         /* a function-like macro's name alone */
          int depth = 0, j = i + 1;
          for (; j < M.nraw; j++)
            if (raw_is (j, "("))
              depth++;
            else if (raw_is (j, ")") && --depth == 0)
              break;
          last = j < M.nraw ? j : M.nraw - 1;
        }
      else if (kind != 1)
        continue;
      M.groups = grow (M.groups, &M.capgroups, M.ngroups + 1, sizeof *M.groups);
      M.groups[M.ngroups] = (Group) { i, last, -2, -2 };
      for (int k = i; k <= last; k++)
        M.raw[k].group = M.ngroups;
      M.ngroups++;
      i = last;
    }
}

/* ---- matching a line ---- */

/* An item of a line's pattern: a raw token, or a group (a wildcard).  */
typedef struct Item { int raw; int group; } Item;

static bool
same_text (int ptok, int raw)
{
  Token *t = &unit->tok[ptok];
  return t->len == M.raw[raw].len
         && !memcmp (unit->text + t->off, M.text + M.raw[raw].off, t->len);
}

/* Do the literals IT[a..b) match the preprocessed tokens P[at..]?  */
static bool
segment_at (Item *it, int a, int b, int *p, int np, int at)
{
  if (at < 0 || at + (b - a) > np)
    return false;
  for (int k = a; k < b; k++)
    if (!same_text (p[at + k - a], it[k].raw))
      return false;
  return true;
}

/* Place each literal item of IT at its earliest (FORWARD) or latest
   possible preprocessed token, into POS.  Literals between two groups
   form a segment that must match contiguously; the first segment is
   anchored at the line's start and the last at its end unless a group
   stands there.  False when the line does not match at all.  */
static bool
place (Item *it, int n, int *p, int np, int *pos, bool forward)
{
  int at = forward ? 0 : np;
  for (int k = forward ? 0 : n - 1; forward ? k < n : k >= 0;)
    {
      if (it[k].group >= 0)
        {
          k += forward ? 1 : -1;
          continue;
        }
      int a = k, e = k;           /* the segment [a, e] */
      if (forward)
        while (e + 1 < n && it[e + 1].group < 0)
          e++;
      else
        while (a > 0 && it[a - 1].group < 0)
          a--;
      int len = e - a + 1;
      bool first = a == 0, last = e == n - 1;
      int j;
      if (first && last)
        j = np == len ? 0 : -1;
      else if (forward ? first : last)
        j = forward ? 0 : np - len;
      else if (forward ? last : first)
        j = forward ? np - len : 0;
      else
        {
          j = forward ? at : at - len;
          while (j >= 0 && j + len <= np && !segment_at (it, a, e + 1, p, np, j))
            j += forward ? 1 : -1;
        }
      if (j < 0 || j + len > np || (forward ? j < at : j + len > at)
          || !segment_at (it, a, e + 1, p, np, j))
        return false;
      for (int m = a; m <= e; m++)
        pos[m] = j + m - a;
      at = forward ? j + len : j;
      k = forward ? e + 1 : a - 1;
    }
  return true;
}

/* Match line L: ITEMS against its preprocessed tokens P.  */
static void
match_line (int line, Item *it, int n, int *p, int np)
{
  if (!n && !np)
    {
      M.aligned[line] = true;
      return;
    }
  int *lo = xmalloc0 ((size_t) (n + 1) * sizeof *lo);
  int *hi = xmalloc0 ((size_t) (n + 1) * sizeof *hi);
  bool ok = place (it, n, p, np, lo, true) && place (it, n, p, np, hi, false);
  /* Without a group the line must be the same tokens.  */
  bool groups = false;
  for (int k = 0; k < n; k++)
    groups |= it[k].group >= 0;
  if (!groups && n != np)
    ok = false;
  M.aligned[line] = ok;
  if (ok)
    {
      for (int k = 0; k < n; k++)
        if (it[k].group < 0 && lo[k] == hi[k])
          M.pmap[p[lo[k]]] = it[k].raw;
      /* A group's expansion: between the literals placed around it.  */
      for (int k = 0; k < n; k++)
        {
          if (it[k].group < 0)
            continue;
          bool before_ok = k == 0 || (it[k - 1].group < 0 && lo[k - 1] == hi[k - 1]);
          bool after_ok = k == n - 1 || (it[k + 1].group < 0 && lo[k + 1] == hi[k + 1]);
          if (!before_ok || !after_ok)
            continue;
          int from = k == 0 ? 0 : lo[k - 1] + 1;
          int to = k == n - 1 ? np - 1 : lo[k + 1] - 1;
          Group *g = &M.groups[it[k].group];
          g->pfirst = from <= to ? p[from] : 0;
          g->plast = from <= to ? p[to] : -1;
          for (int q = from; q <= to; q++)
            M.pgroup[p[q]] = it[k].group;
        }
    }
  free (lo);
  free (hi);
}

static void
align (void)
{
  /* The preprocessed tokens of the main file, by line.  */
  int *count = xmalloc0 ((size_t) (M.nlines + 2) * sizeof *count);
  for (int i = 0; i < unit->ntok; i++)
    {
      Token *t = &unit->tok[i];
      if (t->kind && t->file == M.main_file && t->line >= 1 && t->line <= M.nlines)
        count[t->line]++;
    }
  int *start = xmalloc0 ((size_t) (M.nlines + 3) * sizeof *start);
  for (int l = 1; l <= M.nlines + 1; l++)
    start[l + 1] = start[l] + count[l];
  int *ptoks = xmalloc0 ((size_t) (start[M.nlines + 2] + 1) * sizeof *ptoks);
  int *fill = xmalloc0 ((size_t) (M.nlines + 2) * sizeof *fill);
  for (int i = 0; i < unit->ntok; i++)
    {
      Token *t = &unit->tok[i];
      if (t->kind && t->file == M.main_file && t->line >= 1 && t->line <= M.nlines)
        ptoks[start[t->line] + fill[t->line]++] = i;
    }
  /* The raw items by line: tokens outside groups, groups at their first
     token's line.  */
  Item *items = xmalloc0 ((size_t) (M.nraw + 1) * sizeof *items);
  int r = 0;
  for (int l = 1; l <= M.nlines; l++)
    {
      int n = 0;
      while (r < M.nraw && M.raw[r].line < l)
        r++;
      for (; r < M.nraw && M.raw[r].line == l; r++)
        {
          int g = M.raw[r].group;
          if (g < 0)
            items[n++] = (Item) { r, -1 };
          else if (M.groups[g].first == r)
            {
              items[n++] = (Item) { r, g };
              r = M.groups[g].last;
              if (M.raw[r].line != l)
                {
                  r++;
                  break;        /* the group goes on: the line ends here */
                }
            }
        }
      match_line (l, items, n, ptoks + start[l], count[l]);
    }
  free (items);
  free (count);
  free (start);
  free (ptoks);
  free (fill);
}

void
srcmap_free (void)
{
  free (M.raw);
  free (M.groups);
  free (M.directive);
  free (M.aligned);
  free (M.pmap);
  free (M.pgroup);
  for (size_t i = 0; i < M.capnames; i++)
    free (M.names[i]);
  free (M.names);
  free (M.kinds);
  memset (&M, 0, sizeof M);
}

/* Map the current unit's tokens into TEXT, the original file PATH names
   (as the line markers name it).  MACROS: `cc -E -dM` output.  */
void
srcmap_build (const char *path, const char *text, size_t size,
              const char *macros)
{
  srcmap_free ();
  M.text = text;
  M.size = size;
  M.main_file = -1;
  for (int i = 0; i < unit->nfiles; i++)
    if (!strcmp (unit->files[i], path))
      M.main_file = i;
  add_builtin_macros ();
  srcmap_add_macros (macros);
  /* Count lines first for the per-line tables.  */
  int lines = 1;
  for (size_t i = 0; i < size; i++)
    lines += text[i] == '\n';
  M.directive = xmalloc0 ((size_t) (lines + 2) * sizeof *M.directive);
  M.aligned = xmalloc0 ((size_t) (lines + 2) * sizeof *M.aligned);
  M.nlines = lines;
  lex_raw ();
  M.pmap = xmalloc0 ((size_t) (unit->ntok + 1) * sizeof *M.pmap);
  M.pgroup = xmalloc0 ((size_t) (unit->ntok + 1) * sizeof *M.pgroup);
  for (int i = 0; i <= unit->ntok; i++)
    M.pmap[i] = M.pgroup[i] = -1;
  find_groups ();
  if (M.main_file >= 0)
    align ();
}

/* ---- questions ---- */

bool
src_tok (int tok, unsigned *start, unsigned *end)
{
  if (tok < 0 || tok >= unit->ntok || M.pmap[tok] < 0)
    return false;
  Raw *r = &M.raw[M.pmap[tok]];
  *start = r->off;
  *end = r->off + r->len;
  return true;
}

/* Where text inserted just before (AFTER: just after) token TOK lands:
   at the token, or at the macro invocation whose expansion TOK starts
   (ends).  */
bool
src_insert_point (int tok, bool after, unsigned *off)
{
  unsigned s, e;
  if (src_tok (tok, &s, &e))
    {
      *off = after ? e : s;
      return true;
    }
  if (tok < 0 || tok >= unit->ntok || M.pgroup[tok] < 0)
    return false;
  Group *g = &M.groups[M.pgroup[tok]];
  if (g->pfirst == -2 || tok != (after ? g->plast : g->pfirst))
    return false;
  *off = after ? M.raw[g->last].off + M.raw[g->last].len : M.raw[g->first].off;
  return true;
}

bool
src_has_directive (int l1, int l2)
{
  for (int l = l1 < 1 ? 1 : l1; l <= l2 && l <= M.nlines; l++)
    if (M.directive[l])
      return true;
  return false;
}

bool
src_lines_ok (int l1, int l2)
{
  for (int l = l1; l <= l2; l++)
    if (l < 1 || l > M.nlines || !M.aligned[l] || M.directive[l])
      return false;
  return true;
}

bool
src_group (int tok, SrcGroup *g)
{
  if (tok < 0 || tok >= unit->ntok || M.pgroup[tok] < 0)
    return false;
  Group *k = &M.groups[M.pgroup[tok]];
  g->start = M.raw[k->first].off;
  g->end = M.raw[k->last].off + M.raw[k->last].len;
  g->pfirst = k->pfirst;
  g->plast = k->plast;
  g->name_len = M.raw[k->first].len;
  return true;
}

bool
src_is_main (int tok)
{
  return tok >= 0 && tok < unit->ntok && unit->tok[tok].file == M.main_file;
}
