/* SPDX-License-Identifier: GPL-3.0-or-later */
/* source-text.cc - the user's source text, read by the plugin itself.

   Two uses: the keyword look-ahead must not lex across a directive line
   (a libcpp bug), and fix-its need the exact position of a `{` that the
   trees do not record.  GCC's own line cache is far too slow to ask once
   per token (a 40k-line file became 50x slower), so each file is read once
   and indexed by line here.  */

#include "cdefer-internal.h"

struct source_file
{
  char *name;
  char *text;
  size_t size;
  vec<size_t> line_start;	/* offset of each line; [0] is line 1 */
  struct source_file *next;
};

static struct source_file *files;

static struct source_file *
load_file (const char *name)
{
  for (struct source_file *f = files; f; f = f->next)
    if (strcmp (f->name, name) == 0)
      return f->text ? f : NULL;
  struct source_file *f = XCNEW (struct source_file);
  f->name = xstrdup (name);
  f->next = files;
  files = f;
  FILE *in = fopen (name, "rb");
  if (!in)
    return NULL;
  size_t cap = 65536, len = 0, n;
  char *text = XNEWVEC (char, cap + 1);
  while ((n = fread (text + len, 1, cap - len, in)) > 0)
    {
      len += n;
      if (len == cap)
	{
	  cap *= 2;
	  text = XRESIZEVEC (char, text, cap + 1);
	}
    }
  fclose (in);
  text[len] = '\0';
  f->text = text;
  f->size = len;
  f->line_start.create (len / 32 + 1);
  f->line_start.safe_push (0);
  for (const char *nl = text; (nl = (const char *) memchr (nl, '\n',
							 text + len - nl));)
    f->line_start.safe_push (++nl - text);
  return f;
}

/* ---- preprocessed input ----

   When GCC compiles a .i file, locations name the original files and
   lines (from the line markers) but columns of the .i text.  So all text
   is read from the .i itself: a table maps each original (file, line) to
   the .i line that holds it.  */

struct line_table_of_file
{
  char *name;
  vec<int> pp_line;		/* original line -> .i line (0: none) */
  struct line_table_of_file *next;
};

static struct source_file *pp_file;
static struct line_table_of_file *pp_tables;
bool cdefer_preprocessed_input;

static bool
is_blank_line (const char *file, int line)
{
  int len;
  const char *t = cdefer_source_line (file, line, &len);
  for (int k = 0; k < len; k++)
    if (!ISSPACE (t[k]))
      return false;
  return true;
}

void
cdefer_source_set_preprocessed (const char *ifile)
{
  cdefer_preprocessed_input = true;
  pp_file = load_file (ifile);
  if (!pp_file)
    return;
  struct line_table_of_file *cur = NULL;
  int cur_line = 0;
  for (unsigned l = 1; l <= pp_file->line_start.length (); l++)
    {
      int len;
      const char *s = cdefer_source_line (ifile, (int) l, &len);
      /* # 12 "file.c" 2  */
      if (len > 3 && s[0] == '#' && s[1] == ' ' && ISDIGIT (s[2]))
	{
	  int n = atoi (s + 2);
	  const char *q = (const char *) memchr (s, '"', len);
	  const char *e = q ? (const char *) memchr (q + 1, '"', len - (q + 1 - s))
			    : NULL;
	  if (!e)
	    continue;
	  char *name = xstrndup (q + 1, e - q - 1);
	  for (cur = pp_tables; cur && strcmp (cur->name, name) != 0;
	       cur = cur->next)
	    ;
	  if (!cur)
	    {
	      cur = XCNEW (struct line_table_of_file);
	      cur->name = name;
	      cur->next = pp_tables;
	      pp_tables = cur;
	    }
	  else
	    free (name);
	  cur_line = n;
	  continue;
	}
      if (cur)
	{
	  while (cur->pp_line.length () <= (unsigned) cur_line)
	    cur->pp_line.safe_push (0);
	  /* Markers may repeat a line number over blank lines: a line
	     with text wins over a blank one.  They also repeat it where a
	     macro from a system header expanded in the middle of a line
	     (`stdout` in `fputs (s, stdout);`): the .i splits that line
	     into fragments, and the first holds its start, where the
	     statements and braces that the checks read begin.  */
	  int old = cur->pp_line[cur_line];
	  if (!old || (is_blank_line (ifile, old)
		       && !is_blank_line (ifile, (int) l)))
	    cur->pp_line[cur_line] = (int) l;
	  cur_line++;
	}
    }
}

/* Where the text of LINE of FILE is: in FILE, or in the .i.  */
static struct source_file *
text_of_line (const char *file, int *line)
{
  if (!cdefer_preprocessed_input)
    return load_file (file);
  for (struct line_table_of_file *t = pp_tables; t; t = t->next)
    if (strcmp (t->name, file) == 0)
      {
	if (*line < 1 || (unsigned) *line >= t->pp_line.length ()
	    || !t->pp_line[*line])
	  return NULL;
	*line = t->pp_line[*line];
	return pp_file;
      }
  return NULL;
}

const char *
cdefer_source_line (const char *file, int line, int *len)
{
  struct source_file *f = (pp_file && strcmp (file, pp_file->name) == 0)
			  ? pp_file : text_of_line (file, &line);
  if (!f || line < 1 || (unsigned) line > f->line_start.length ())
    return NULL;
  size_t start = f->line_start[line - 1];
  size_t end = (unsigned) line < f->line_start.length ()
	       ? f->line_start[line] - 1 : f->size;
  *len = (int) (end - start);
  return f->text + start;
}

bool
cdefer_next_line_is_directive (const char *file, int line)
{
  int len;
  for (int l = line + 1;; l++)
    {
      const char *s = cdefer_source_line (file, l, &len);
      if (!s)
	return false;
      int i = 0;
      while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'
			 || s[i] == '\f' || s[i] == '\v'))
	i++;
      if (i < len)
	return s[i] == '#';
    }
}

/* Skip blanks and comments in S[*I..LEN).  */
static void
skip_blanks (const char *s, int len, int *i)
{
  for (;;)
    {
      while (*i < len && ISSPACE (s[*i]))
	(*i)++;
      if (*i + 1 < len && s[*i] == '/' && s[*i + 1] == '*')
	{
	  const char *end = (const char *) memmem (s + *i + 2, len - *i - 2,
						   "*/", 2);
	  if (!end)
	    {
	      *i = len;
	      return;
	    }
	  *i = (int) (end - s) + 2;
	  continue;
	}
      return;
    }
}

location_t
cdefer_find_char_on_line (location_t loc, int skip_words, bool skip_parens,
			  char c)
{
  loc = linemap_resolve_location (line_table, loc, LRK_MACRO_EXPANSION_POINT,
				  NULL);
  expanded_location xl = expand_location (loc);
  int len;
  const char *s = xl.file ? cdefer_source_line (xl.file, xl.line, &len)
			  : NULL;
  if (!s || xl.column < 1 || xl.column > len)
    return UNKNOWN_LOCATION;
  int i = xl.column - 1;
  for (int w = 0; w < skip_words; w++)
    {
      skip_blanks (s, len, &i);
      if (i >= len || !(ISIDST (s[i])))
	break;		/* GCC puts some loops at their '(' */
      while (i < len && ISIDNUM (s[i]))
	i++;
    }
  skip_blanks (s, len, &i);
  if (skip_parens)
    {
      if (i >= len || s[i] != '(')
	return UNKNOWN_LOCATION;
      int depth = 0;
      char quote = 0;
      for (; i < len; i++)
	{
	  if (quote)
	    {
	      if (s[i] == '\\')
		i++;
	      else if (s[i] == quote)
		quote = 0;
	      continue;
	    }
	  if (s[i] == '"' || s[i] == '\'')
	    quote = s[i];
	  else if (s[i] == '(')
	    depth++;
	  else if (s[i] == ')' && --depth == 0)
	    break;
	}
      if (i >= len)
	return UNKNOWN_LOCATION;
      i++;
      skip_blanks (s, len, &i);
    }
  if (i >= len || (c ? s[i] != c : ISSPACE (s[i])))
    return UNKNOWN_LOCATION;
  if (cdefer_preprocessed_input)
    return loc;		/* found; but .i columns make no fix-it */
  return linemap_position_for_loc_and_offset (line_table, loc,
					      i - (xl.column - 1));
}

/* Does the user's text at LOC (after macro expansion points are resolved)
   start with the word A or B?  False when the text is unavailable, e.g.
   because LOC is inside a macro the user wrote.  */
bool
cdefer_text_at_is_word (location_t loc, const char *a, const char *b)
{
  loc = linemap_resolve_location (line_table, loc, LRK_MACRO_EXPANSION_POINT,
				  NULL);
  expanded_location xl = expand_location (loc);
  int len;
  const char *s = xl.file ? cdefer_source_line (xl.file, xl.line, &len)
			  : NULL;
  if (!s || xl.column < 1 || xl.column > len)
    return false;
  /* In a .i the keyword has become the marker loop, located at its '('
     (syntax.cc: `while ((int __attribute__ ((__cdefer_block__)))
     __cdefer_marker_defer ())`, `while (__cdefer_marker_scope ())`).  */
  if (cdefer_preprocessed_input)
    {
      static const char *const loops[] = {
	"(__cdefer_marker_", "((int __attribute__ ((__cdefer_block__" };
      for (unsigned i = 0; i < ARRAY_SIZE (loops); i++)
	if (len - (xl.column - 1) >= (int) strlen (loops[i])
	    && memcmp (s + xl.column - 1, loops[i], strlen (loops[i])) == 0)
	  return true;
      return false;
    }
  s += xl.column - 1;
  len -= xl.column - 1;
  const char *words[2] = { a, b };
  for (int i = 0; i < 2; i++)
    {
      int n = (int) strlen (words[i]);
      if (n <= len && memcmp (s, words[i], n) == 0
	  && (n == len || !ISIDNUM (s[n])))
	return true;
    }
  return false;
}

/* The first offset from I on whose character is in STOPS, or N.  Every
   scan below looks at a handful of characters only (quotes, comment
   starts, brackets); strcspn passes over the rest many bytes at a time,
   where a loop testing each character cost about 8 instructions a byte
   (the text is NUL-terminated at N; a NUL inside it is plain text).  */
static size_t
skip_to_any (const char *t, size_t n, size_t i, const char *stops)
{
  while (i < n)
    {
      i += strcspn (t + i, stops);
      if (i >= n || t[i] != '\0')
	break;
      i++;
    }
  return i < n ? i : n;
}

/* Skip a string or character literal starting at T[*I] (a quote).  */
static void
skip_literal (const char *t, size_t n, size_t *i)
{
  char q = t[(*i)++];
  while (*i < n && t[*i] != q)
    *i += t[*i] == '\\' ? 2 : 1;
  (*i)++;
}

/* Skip blanks, newlines and comments in T[*I..N).  */
static void
skip_space (const char *t, size_t n, size_t *i)
{
  for (;;)
    {
      while (*i < n && ISSPACE (t[*i]))
	(*i)++;
      if (*i + 1 < n && t[*i] == '/' && t[*i + 1] == '/')
	{
	  const char *e = (const char *) memchr (t + *i, '\n', n - *i);
	  *i = e ? (size_t) (e - t) : n;
	}
      else if (*i + 1 < n && t[*i] == '/' && t[*i + 1] == '*')
	{
	  const char *e = (const char *) memmem (t + *i + 2, n - *i - 2, "*/", 2);
	  *i = e ? (size_t) (e - t) + 2 : n;
	}
      else
	return;
    }
}

/* The offset of the CLOSE that closes the OPEN at T[I], skipping
   literals and comments; N when there is none.  */
static size_t
scan_to_close (const char *t, size_t n, size_t i, char open, char close)
{
  const char stops[] = { '"', '\'', '/', open, close, '\0' };
  for (int depth = 0; (i = skip_to_any (t, n, i, stops)) < n; )
    {
      if (t[i] == '"' || t[i] == '\'')
	{
	  skip_literal (t, n, &i);
	  continue;
	}
      if (t[i] == '/' && i + 1 < n && (t[i + 1] == '/' || t[i + 1] == '*'))
	{
	  skip_space (t, n, &i);
	  continue;
	}
      if (t[i] == open)
	depth++;
      else if (t[i] == close && --depth == 0)
	return i;
      i++;
    }
  return n;
}

/* The same, remembered: the description of nested blocks asks for the
   end of each enclosing block again, which made it quadratic in the
   depth of the nesting.  */
static size_t
matching_close (const char *t, size_t n, size_t i, char open, char close)
{
  enum { SLOTS = 4096 };
  static struct { const char *t; size_t n, i, result; char open; } cache[SLOTS];
  auto *c = &cache[(i * 2654435761u) >> 20 & (SLOTS - 1)];
  if (c->t != t || c->n != n || c->i != i || c->open != open)
    {
      c->result = scan_to_close (t, n, i, open, close);
      c->t = t;
      c->n = n;
      c->i = i;
      c->open = open;
    }
  return c->result;
}

static size_t
matching_brace (const char *t, size_t n, size_t i)
{
  return matching_close (t, n, i, '{', '}');
}

/* The text of the condition of the `do { ... } while (COND);` whose `do`
   is at DO_LOC, copied to BUF; false when the source does not spell it out
   there (a macro, unbalanced text).  */
bool
cdefer_do_while_condition (location_t do_loc, char *buf, size_t size)
{
  expanded_location xl = expand_location (do_loc);
  struct source_file *f = xl.file ? text_of_line (xl.file, &xl.line) : NULL;
  if (!f || xl.line < 1 || (unsigned) xl.line > f->line_start.length ())
    return false;
  const char *t = f->text;
  size_t n = f->size, i = f->line_start[xl.line - 1] + xl.column - 1;
  /* GCC locates a do statement at its `do` or at the body's `{`.  */
  if (i + 2 <= n && memcmp (t + i, "do", 2) == 0)
    i += 2;
  skip_space (t, n, &i);
  if (i >= n || t[i] != '{')
    return false;
  i = matching_brace (t, n, i);
  if (i >= n)
    return false;
  i++;
  skip_space (t, n, &i);
  if (i + 5 > n || memcmp (t + i, "while", 5) != 0)
    return false;
  i += 5;
  skip_space (t, n, &i);
  if (i >= n || t[i] != '(')
    return false;
  size_t start = ++i;
  for (int depth = 1; i < n; i++)
    if (t[i] == '(')
      depth++;
    else if (t[i] == ')' && --depth == 0)
      break;
  if (i >= n || i - start + 1 > size)
    return false;
  memcpy (buf, t + start, i - start);
  buf[i - start] = '\0';
  return true;
}

/* A location for LINE:COLUMN of the file REF is in, or UNKNOWN_LOCATION.  */
static location_t
location_in_file_of (location_t ref, int line, int column)
{
  const line_map *map = linemap_lookup (line_table, ref);
  if (!map || linemap_macro_expansion_map_p (map))
    return UNKNOWN_LOCATION;
  const line_map_ordinary *ord = linemap_check_ordinary (map);
  if ((linenum_type) line < SOURCE_LINE (ord, MAP_START_LOCATION (ord)))
    return UNKNOWN_LOCATION;
  return linemap_position_for_line_and_column (line_table, ord, line, column);
}

/* Where a location is in the text: LINE of FILE at offset OFF.  */
struct text_pos
{
  location_t loc;
  struct source_file *file;
  int line;
  long off;
};

/* The offset in FILE's text of location LOC (resolved to where the user
   wrote it), or -1; *LINE gets its line.  The analysis asks this many
   times per statement, and resolving a location through the line maps
   costs hundreds of instructions, so the answers are kept (a location
   always means the same place).  */
static long
text_offset_line (location_t loc, struct source_file **file, int *line)
{
  enum { SLOTS = 1024 };
  static struct text_pos cache[SLOTS];
  struct text_pos *c = &cache[(loc * 2654435761u) >> 22 & (SLOTS - 1)];
  if (c->loc != loc || loc == UNKNOWN_LOCATION)
    {
      location_t r = linemap_resolve_location (line_table, loc,
					       LRK_MACRO_EXPANSION_POINT, NULL);
      expanded_location x = expand_location (r);
      int xline = x.line;
      struct source_file *f = x.file ? text_of_line (x.file, &x.line) : NULL;
      c->loc = loc;
      c->file = f;
      c->line = xline;
      c->off = -1;
      if (f && x.line >= 1 && (unsigned) x.line <= f->line_start.length ()
	  && x.column >= 1)
	c->off = (long) (f->line_start[x.line - 1] + x.column - 1);
    }
  if (c->off < 0)
    return -1;
  *file = c->file;
  if (line)
    *line = c->line;
  return c->off;
}

static long
text_offset (location_t loc, struct source_file **file)
{
  return text_offset_line (loc, file, NULL);
}

long
cdefer_text_offset (location_t loc, const char **file)
{
  struct source_file *f;
  long off = text_offset (loc, &f);
  *file = off >= 0 ? f->name : NULL;
  return off;
}

/* Is the word W at T[I]?  */
static bool
word_at (const char *t, size_t n, size_t i, const char *w)
{
  if (i >= n || t[i] != w[0])
    return false;
  size_t len = strlen (w);
  return (i + len <= n && memcmp (t + i, w, len) == 0
	  && (i + len == n || !ISIDNUM (t[i + len])));
}

/* Is the directive line at T[I] (its '#') `#pragma omp` or `#pragma acc`,
   whose next statement is the construct's structured block?  */
static bool
is_structured_block_pragma (const char *t, size_t n, size_t i)
{
  i++;
  while (i < n && (t[i] == ' ' || t[i] == '\t'))
    i++;
  if (!word_at (t, n, i, "pragma"))
    return false;
  i += 6;
  while (i < n && (t[i] == ' ' || t[i] == '\t'))
    i++;
  return word_at (t, n, i, "omp") || word_at (t, n, i, "acc");
}

/* The braces of one function's text, found by one scan from its name and
   kept for every question about that function: asking once per defer
   with a scan from the name each time made the plugin quadratic in the
   length of a function.  */
struct brace
{
  size_t open;			/* offset of the `{` */
  size_t close;			/* offset of its `}`; SIZE_MAX while open */
  int parent;			/* index of the enclosing brace, or -1 */
  int depth;			/* 1 for the function's body */
  bool bare;			/* a block of its own, not a body */
};

static struct
{
  location_t fn_loc;
  struct source_file *file;
  size_t from;			/* the function's name */
  size_t pos;			/* scanned up to here */
  int open;			/* innermost open brace, or -1 */
  char prev;			/* last significant character */
  bool line_start;
  vec<brace> braces;		/* in the order of their `{` */
} fn_braces;

/* Scan the function's text on until POS reaches END.  Directive lines
   are skipped, except that a block right after `#pragma omp ...` is that
   construct's structured block, not a plain block.  */
static void
scan_braces_to (size_t end)
{
  const char *t = fn_braces.file->text;
  size_t n = fn_braces.file->size, i = fn_braces.pos;
  char prev = fn_braces.prev;
  bool line_start = fn_braces.line_start;
  while (i < end && i < n)
    {
      /* Up to the next character that matters, at most END: what lies
	 between is names, numbers, operators and blanks (no newline).
	 Only its last non-blank character is remembered: a name's last
	 character stands for the name, as no name ends in ; { } or :.  */
      size_t j = skip_to_any (t, n, i, "\n#/\"'{}");
      if (j > end)
	j = end;
      size_t k = j;
      while (k > i && ISSPACE (t[k - 1]))
	k--;
      if (k > i)
	{
	  prev = t[k - 1];
	  line_start = false;
	}
      i = j;
      if (i >= end || i >= n)
	break;
      char c = t[i];
      if (c == '\n')
	{
	  line_start = true;
	  i++;
	  continue;
	}
      if (line_start && c == '#')
	{
	  if (is_structured_block_pragma (t, n, i))
	    prev = '#';
	  while (i < n && t[i] != '\n')
	    i += t[i] == '\\' ? 2 : 1;
	  continue;
	}
      line_start = false;
      if (c == '/' && i + 1 < n && (t[i + 1] == '/' || t[i + 1] == '*'))
	{
	  skip_space (t, n, &i);
	  continue;
	}
      if (c == '"' || c == '\'')
	{
	  skip_literal (t, n, &i);
	  prev = c;
	  continue;
	}
      if (c == '{')
	{
	  int depth = fn_braces.open < 0 ? 0
		      : fn_braces.braces[fn_braces.open].depth;
	  brace b = { i, SIZE_MAX, fn_braces.open, depth + 1,
		      depth > 0 && (prev == ';' || prev == '{'
				    || prev == '}' || prev == ':') };
	  fn_braces.open = fn_braces.braces.length ();
	  fn_braces.braces.safe_push (b);
	}
      else if (c == '}' && fn_braces.open >= 0)
	{
	  fn_braces.braces[fn_braces.open].close = i;
	  fn_braces.open = fn_braces.braces[fn_braces.open].parent;
	}
      prev = c;
      i++;
    }
  fn_braces.pos = i;
  fn_braces.prev = prev;
  fn_braces.line_start = line_start;
}

/* The innermost brace block around LOC, in the text of the function
   whose name is at FN_LOC (cdefer-internal.h).  Decided on the text,
   because the trees drop a block that declares nothing.  */
bool
cdefer_innermost_block (location_t fn_loc, location_t loc, long *open,
			int *depth_out, bool *bare)
{
  struct source_file *f, *g;
  long from = fn_loc == fn_braces.fn_loc && fn_braces.file
	      ? (long) fn_braces.from : text_offset (fn_loc, &f);
  if (fn_loc == fn_braces.fn_loc && fn_braces.file)
    f = fn_braces.file;
  long end = text_offset (loc, &g);
  if (from < 0 || end < 0 || f != g || from > end)
    return false;
  if (fn_braces.file != f || fn_braces.from != (size_t) from)
    {
      fn_braces.fn_loc = fn_loc;
      fn_braces.file = f;
      fn_braces.from = fn_braces.pos = from;
      fn_braces.open = -1;
      fn_braces.prev = 0;
      fn_braces.line_start = false;
      fn_braces.braces.truncate (0);
    }
  scan_braces_to (end);
  if (fn_braces.pos < (size_t) end || fn_braces.pos >= f->size)
    return false;		/* the text ends first */
  /* The last `{` before END, then out to the first that is still open
     at END.  */
  int lo = 0, hi = fn_braces.braces.length ();
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;
      if (fn_braces.braces[mid].open < (size_t) end)
	lo = mid + 1;
      else
	hi = mid;
    }
  int b = lo - 1;
  while (b >= 0 && fn_braces.braces[b].close < (size_t) end)
    b = fn_braces.braces[b].parent;
  if (b < 0)
    return false;
  int depth = fn_braces.braces[b].depth;
  if (depth > 256)
    return false;
  *open = (long) fn_braces.braces[b].open;
  *bare = fn_braces.braces[b].bare;
  *depth_out = depth;
  return true;
}

/* The location of offset OFF of the file that REF is in.  */
location_t
cdefer_location_of_offset (location_t ref, long off)
{
  struct source_file *f;
  if (cdefer_preprocessed_input)
    return UNKNOWN_LOCATION;	/* .i columns are not the source's */
  int line;
  long r = text_offset_line (ref, &f, &line);
  if (r < 0)
    return UNKNOWN_LOCATION;
  ref = linemap_resolve_location (line_table, ref, LRK_MACRO_EXPANSION_POINT,
				  NULL);
  while (line > 1 && f->line_start[line - 1] > (size_t) off)
    line--;
  while ((unsigned) line < f->line_start.length ()
	 && f->line_start[line] <= (size_t) off)
    line++;
  return location_in_file_of (ref, line,
			      (int) (off - f->line_start[line - 1]) + 1);
}

/* Offset just past the statement that starts at I (a compound statement,
   or anything up to its `;`, and an `else` part after it).  */
static size_t
statement_end (const char *t, size_t n, size_t i)
{
  skip_space (t, n, &i);
  if (i < n && t[i] == '{')
    {
      i = matching_brace (t, n, i);
      return i < n ? i + 1 : 0;
    }
  int depth = 0;
  while (i < n)
    {
      char c = t[i];
      if (c == '"' || c == '\'')
	{
	  skip_literal (t, n, &i);
	  continue;
	}
      if (c == '(' || c == '[' || c == '{')
	depth++;
      else if (c == ')' || c == ']' || c == '}')
	{
	  if (--depth < 0)
	    return 0;
	}
      else if (c == ';' && depth == 0)
	{
	  size_t end = i + 1, j = end;
	  skip_space (t, n, &j);
	  if (j + 4 <= n && memcmp (t + j, "else", 4) == 0
	      && (j + 4 == n || !ISIDNUM (t[j + 4])))
	    return statement_end (t, n, j + 4);
	  return end;
	}
      i++;
    }
  return 0;
}

bool
cdefer_statement_text (location_t loc, bool whole_line, long *start,
		       long *end, char *text, size_t size)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  if (o < 0)
    return false;
  const char *t = f->text;
  size_t n = f->size, i = (size_t) o;
  /* Skip the keyword (defer, _Defer, if), then an `if`'s condition.  */
  bool is_if = i + 2 <= n && memcmp (t + i, "if", 2) == 0;
  while (i < n && ISIDNUM (t[i]))
    i++;
  skip_space (t, n, &i);
  if (is_if || (i < n && t[i] == '(' && !whole_line))
    {
      if (i >= n || t[i] != '(')
	return false;
      int depth = 0;
      for (; i < n; i++)
	if (t[i] == '(')
	  depth++;
	else if (t[i] == ')' && --depth == 0)
	  break;
      i++;
    }
  size_t e = statement_end (t, n, i);
  if (!e)
    return false;
  if (!whole_line)
    {
      if (start)
	*start = o;
      *end = (long) e - 1;		/* the last character */
      return true;
    }
  size_t line = (size_t) o;
  while (line > 0 && t[line - 1] != '\n')
    line--;
  for (size_t k = line; k < (size_t) o; k++)
    if (!ISSPACE (t[k]))
      return false;
  size_t nl = e;
  while (nl < n && t[nl] != '\n')
    if (!ISSPACE (t[nl++]))
      return false;
  if (nl >= n || nl - line + 2 > size)
    return false;
  *start = (long) line;
  *end = (long) nl;		/* the newline goes too */
  memcpy (text, t + line, e - line);
  text[e - line] = '\n';
  text[e - line + 1] = '\0';
  return true;
}

long
cdefer_start_of_next_line (location_t ref, long off)
{
  struct source_file *f;
  if (text_offset (ref, &f) < 0)
    return -1;
  size_t i = (size_t) off + 1;
  while (i < f->size && f->text[i] != '\n')
    if (!ISSPACE (f->text[i++]))
      return -1;
  return i < f->size ? (long) i + 1 : -1;
}

/* ---- the shape of statements, for the description of blocks ----

   GCC's trees keep no trace of the braces of a block that declares
   nothing, nor of where a statement ends.  The core needs both for a few
   blocks (a loop body's fix-it, a plain block around a defer); they are
   read from the text, from locations the trees do give.  */

/* The offset of the `)` that closes the `(` at T[I]; N if none.  */
static size_t
matching_paren (const char *t, size_t n, size_t i)
{
  return matching_close (t, n, i, '(', ')');
}

/* Past a `(...)` group at T[I] (after blanks); N if there is none.  */
static size_t
skip_parens (const char *t, size_t n, size_t i)
{
  skip_space (t, n, &i);
  if (i >= n || t[i] != '(')
    return n;
  i = matching_paren (t, n, i);
  return i < n ? i + 1 : n;
}

/* The offset of the last character of the statement that starts at or
   after T[I]; N if the text does not read as one.  A small reading of C's
   statement grammar: compound statements, selection and iteration
   statements with their bodies, labels, defer/scope, and anything else up
   to its `;`.  */
static size_t
statement_last (const char *t, size_t n, size_t i, int depth)
{
  skip_space (t, n, &i);
  if (i >= n || depth > 64)
    return n;
  if (t[i] == '{')
    return matching_brace (t, n, i);
  if (ISIDST (t[i]))
    {
      size_t w = i;
      while (w < n && ISIDNUM (t[w]))
	w++;
      if (word_at (t, n, i, "if") || word_at (t, n, i, "for")
	  || word_at (t, n, i, "while") || word_at (t, n, i, "switch"))
	{
	  size_t e = statement_last (t, n, skip_parens (t, n, w), depth + 1);
	  size_t k = e + 1;
	  if (e < n && word_at (t, n, i, "if"))
	    {
	      skip_space (t, n, &k);
	      if (word_at (t, n, k, "else"))
		return statement_last (t, n, k + 4, depth + 1);
	    }
	  return e;
	}
      if (word_at (t, n, i, "do"))
	{
	  size_t k = statement_last (t, n, w, depth + 1) + 1;
	  skip_space (t, n, &k);
	  if (k >= n || !word_at (t, n, k, "while"))
	    return n;
	  k = skip_parens (t, n, k + 5);
	  skip_space (t, n, &k);
	  return k < n && t[k] == ';' ? k : n;
	}
      if (word_at (t, n, i, "defer") || word_at (t, n, i, "_Defer")
	  || word_at (t, n, i, "scope") || word_at (t, n, i, "_Scope")
	  || word_at (t, n, i, "else"))
	return statement_last (t, n, w, depth + 1);
      size_t k = w;
      skip_space (t, n, &k);
      if (k + 1 < n && t[k] == ':' && t[k + 1] != ':'
	  && !word_at (t, n, i, "default"))
	return statement_last (t, n, k + 1, depth + 1);
    }
  /* Up to the `;` at depth 0 (a `case X:` label ends at its `:`).  */
  bool is_case = word_at (t, n, i, "case") || word_at (t, n, i, "default");
  for (int d = 0; (i = skip_to_any (t, n, i, "\"'/()[]{};:")) < n;)
    {
      char c = t[i];
      if (c == '"' || c == '\'')
	{
	  skip_literal (t, n, &i);
	  continue;
	}
      if (c == '/' && i + 1 < n && (t[i + 1] == '/' || t[i + 1] == '*'))
	{
	  skip_space (t, n, &i);
	  continue;
	}
      if (c == '(' || c == '[' || c == '{')
	d++;
      else if ((c == ')' || c == ']' || c == '}') && --d < 0)
	return n;
      else if (c == ';' && d == 0)
	return i;
      else if (c == ':' && d == 0 && is_case)
	return statement_last (t, n, i + 1, depth + 1);
      i++;
    }
  return n;
}

/* Past the head of the statement at T[I]: its keyword (if, for, while,
   switch: with the parenthesised condition; do, else, scope, defer: the
   word alone), or in a .i the marker loop's `(...)` that the keyword has
   become.  N when T[I] starts no such statement (a macro's name).  */
static size_t
past_head (const char *t, size_t n, size_t i)
{
  static const char *const with_parens[] = { "if", "for", "while", "switch" };
  static const char *const plain[] = { "do", "else", "scope", "_Scope",
				       "defer", "_Defer" };
  if (i < n && t[i] == '(')
    return skip_parens (t, n, i);
  for (unsigned k = 0; k < ARRAY_SIZE (with_parens); k++)
    if (word_at (t, n, i, with_parens[k]))
      return skip_parens (t, n, i + strlen (with_parens[k]));
  for (unsigned k = 0; k < ARRAY_SIZE (plain); k++)
    if (word_at (t, n, i, plain[k]))
      return i + strlen (plain[k]);
  return n;
}

/* Fill TEXT with the substatement starting at or after T[I].  */
static bool
substatement_at (const char *t, size_t n, size_t i,
		 struct cdefer_stmt_text *text)
{
  skip_space (t, n, &i);
  if (i >= n)
    return false;
  size_t last = statement_last (t, n, i, 0);
  if (last >= n)
    return false;
  text->first = (long) i;
  text->last = (long) last;
  text->braced = t[i] == '{';
  return true;
}

/* The offset in the text of the macro definition that spells LOC.  */
static long
spelling_offset (location_t loc, struct source_file **file)
{
  loc = linemap_resolve_location (line_table, loc, LRK_SPELLING_LOCATION,
				  NULL);
  return text_offset (loc, file);
}

/* Does the statement at T[I] start as expected: a keyword with a head
   (or the body itself: AT_BODY)?  */
static bool
head_at (const char *t, size_t n, size_t i, bool at_body)
{
  if (at_body)
    return (i < n && (t[i] == '{' || word_at (t, n, i, "do")
		      || word_at (t, n, i, "defer") || word_at (t, n, i, "_Defer")
		      || word_at (t, n, i, "scope")
		      || word_at (t, n, i, "_Scope")));
  return past_head (t, n, i) < n;
}

bool
cdefer_body_text (location_t loc, bool at_body, struct cdefer_stmt_text *text)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  /* A statement from a macro (not our keywords' own, whose expansion
     point is the keyword): its shape is in the macro's definition, but no
     position of it is the user's (no fix-it there).  */
  bool in_macro = ((o < 0 || !head_at (f->text, f->size, o, at_body))
		   && linemap_location_from_macro_expansion_p (line_table,
							      loc));
  if (in_macro)
    o = spelling_offset (loc, &f);
  if (o < 0)
    return false;
  size_t i = (size_t) o;
  if (!at_body || word_at (f->text, f->size, i, "do"))
    i = past_head (f->text, f->size, i);
  if (i >= f->size || !substatement_at (f->text, f->size, i, text))
    return false;
  if (in_macro)
    text->first = text->last = -1;
  return true;
}

bool
cdefer_else_text (location_t if_loc, struct cdefer_stmt_text *text)
{
  struct cdefer_stmt_text then;
  struct source_file *f;
  if (!cdefer_body_text (if_loc, false, &then) || text_offset (if_loc, &f) < 0)
    return false;
  if (then.last < 0)
    return false;		/* from a macro */
  size_t i = (size_t) then.last + 1;
  skip_space (f->text, f->size, &i);
  return (word_at (f->text, f->size, i, "else")
	  && substatement_at (f->text, f->size, i + 4, text));
}

char
cdefer_char_at (location_t loc)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  return o >= 0 && (size_t) o < f->size ? f->text[o] : 0;
}

bool
cdefer_word_at (location_t loc, const char *w)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  return o >= 0 && word_at (f->text, f->size, (size_t) o, w);
}

bool
cdefer_word_before (location_t loc, const char *w)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  if (o < 0)
    return false;
  size_t len = strlen (w), i = (size_t) o;
  while (i > 0 && ISSPACE (f->text[i - 1]))
    i--;
  return (i >= len && memcmp (f->text + i - len, w, len) == 0
	  && (i == len || !ISIDNUM (f->text[i - len - 1])));
}

/* Is the text at LOC NAME, perhaps in parentheses, followed by `;` (a
   `return NAME;` whose value is the expression at LOC)?  *LAST gets the
   offset of the expression's last character.  */
bool
cdefer_text_is_name_then_semicolon (location_t loc, const char *name,
				    long *last)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  if (o < 0)
    return false;
  const char *t = f->text;
  size_t n = f->size, i = (size_t) o;
  int parens = 0;
  while (i < n && t[i] == '(')
    {
      parens++;
      i++;
      skip_space (t, n, &i);
    }
  if (!word_at (t, n, i, name))
    return false;
  i += strlen (name);
  *last = (long) i - 1;
  for (; parens > 0; parens--)
    {
      skip_space (t, n, &i);
      if (i >= n || t[i] != ')')
	return false;
      *last = (long) i++;
    }
  skip_space (t, n, &i);
  return i < n && t[i] == ';';
}

/* The first NAME, as a whole word outside literals, at or after LOC on
   its line, or else the last one before LOC on its line (the left side of
   an assignment located at its `=`); LOC itself if there is none.  GCC
   keeps no location for a variable's mention: the walk knows the
   expression around it.  */
location_t
cdefer_word_from (location_t loc, const char *name)
{
  struct source_file *f;
  long o = text_offset (loc, &f);
  if (o < 0 || !name)
    return loc;
  const char *t = f->text;
  size_t n = f->size, i = (size_t) o, line = (size_t) o;
  while (line > 0 && t[line - 1] != '\n')
    line--;
  long before = -1, found = -1;
  for (i = line; i < n && t[i] != '\n' && found < 0;)
    {
      if (t[i] == '"' || t[i] == '\'')
	{
	  skip_literal (t, n, &i);
	  continue;
	}
      if (ISIDST (t[i]))
	{
	  if ((i == 0 || !ISIDNUM (t[i - 1])) && word_at (t, n, i, name))
	    {
	      if ((long) i >= o)
		found = (long) i;
	      else
		before = (long) i;
	    }
	  while (i < n && ISIDNUM (t[i]))
	    i++;
	  continue;
	}
      i++;
    }
  if (found < 0)
    found = before;
  location_t at = found < 0 ? UNKNOWN_LOCATION
			    : cdefer_location_of_offset (loc, found);
  return at != UNKNOWN_LOCATION ? at : loc;
}
