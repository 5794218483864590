/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1            /* memmem */
/* diag.c - GCC-style diagnostics: file:line:col: error: MSG [cdefer-ID].

   Locations are the original source positions recorded by the lexer from
   the line markers.  A fix-it is printed (in GCC's parseable form, with
   -fdiagnostics-parseable-fixits) only when the original file really holds
   the expected text there; after macro expansion it may not.  */

#include "fe.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static bool suppressed;
void (*diag_sink) (const char *kind, const char *file, int line,
                   const char *msg);

/* #pragma cdefer ignore "ID": token ranges where ID is silenced.  */
typedef struct Ignore { int first, last, id; } Ignore;
static Ignore *ignores;
static int nignores;

void
diag_ignore (int first, int last, int id)
{
  ignores = realloc (ignores, (nignores + 1) * sizeof *ignores);
  ignores[nignores++] = (Ignore) { first, last, id };
}

static bool
ignored (int id, int tok)
{
  if (tok < unit->ntok && unit->tok[tok].ignore == id + 1)
    return true;
  for (int i = 0; i < nignores; i++)
    if (ignores[i].id == id && ignores[i].first <= tok && tok <= ignores[i].last)
      return true;
  return false;
}    /* the last diagnostic was turned off: drop notes */

const char *
diag_id_name (int id)
{
  return cd_diag_id_name ((enum cd_diag_id) id);
}

int
diag_lookup (const char *id)
{
  for (int i = 0; i < DIAG_COUNT; i++)
    if (!strcmp (cd_diag_id_name ((enum cd_diag_id) i), id))
      return i;
  return -1;
}

/* ---- output: GCC text, or GCC 12's JSON (--diagnostics-format=json) ----

   Text is printed at once.  JSON needs the whole tree (notes and fix-its
   are children of their diagnostic): records are kept and printed as one
   array by diag_end_unit, one per unit as GCC prints one per compile.  */

typedef struct Fix { const char *file; int l1, c1, l2, c2; char *text; } Fix;
typedef struct Rec {
  const char *kind;             /* "error", "warning", "note" */
  char *msg;
  const char *file;             /* NULL: no location */
  const char *option;           /* "-Werror" for a warning made an error */
  int line, col;
  Vec fixits, children;
} Rec;
static Vec records;             /* top-level Rec * */
static Rec *current;            /* the last top-level one */
static bool json_printed;       /* some unit printed its array */

static Rec *
new_rec (const char *kind, const char *file, int line, int col,
         const char *fmt, va_list ap)
{
  Rec *r = NEW (Rec);
  char tmp[2048];
  vsnprintf (tmp, sizeof tmp, fmt, ap);
  r->kind = kind;
  r->msg = xstrndup (tmp, strlen (tmp));
  r->file = file;
  r->line = line;
  r->col = col;
  return r;
}

static int source_column (int tok);
static int display_column (const char *file, int line, int bytecol);

static void
tok_loc (int tok, const char **file, int *line, int *col)
{
  if (!unit->ntok || !unit->tok)
    {
      *file = unit->path;
      *line = *col = 0;
      return;
    }
  if (tok >= unit->ntok)
    tok = unit->ntok - 1;
  Token *t = &unit->tok[tok];
  *file = unit->files[t->file];
  *line = t->line;
  *col = source_column (tok);
}

/* A diagnostic (error/warning) or a note of the current one.  */
static void
emit (const char *kind, const char *file, int line, int col,
      const char *fmt, ...) __attribute__ ((format (printf, 5, 6)));
static void
emit (const char *kind, const char *file, int line, int col,
      const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  if (diag_sink)
    {
      char msg[2048];
      vsnprintf (msg, sizeof msg, fmt, ap);
      diag_sink (kind, file, line, msg);
    }
  else if (opt.json)
    {
      Rec *r = new_rec (kind, file, line, col, fmt, ap);
      if (!strcmp (kind, "note") && current)
        vec_push (&current->children, r);
      else
        {
          vec_push (&records, r);
          current = r;
        }
    }
  else
    {
      if (line > 0)
        fprintf (stderr, "%s:%d:%d: %s: ", file, line,
                 display_column (file, line, col), kind);
      else
        fprintf (stderr, "%s: %s: ", file, kind);
      vfprintf (stderr, fmt, ap);
      fputc ('\n', stderr);
    }
  va_end (ap);
}

/* An error without an ID at FILE:LINE:COL (every error entry point ends
   here).  */
static void
verror (const char *file, int line, int col, const char *fmt, va_list ap)
{
  char tmp[2048];
  vsnprintf (tmp, sizeof tmp, fmt, ap);
  emit ("error", file, line, col, "%s", tmp);
  unit->errors++;
  suppressed = false;
}

void
diag_error_loc (const char *file, int line, int col, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  verror (file, line, col, fmt, ap);
  va_end (ap);
}

/* An error just after token TOK (where a missing ';' belongs).  */
void
diag_error_after (int tok, const char *fmt, ...)
{
  const char *file;
  int line, col;
  tok_loc (tok, &file, &line, &col);
  va_list ap;
  va_start (ap, fmt);
  verror (file, line, col + (int) unit->tok[tok].len, fmt, ap);
  va_end (ap);
}

static bool promoted_any;       /* a warning was made an error by -Werror */

/* Diagnostic ID at TOK, as GCC with the plugin gives it: an error ID,
   or a warning made one by -Werror=cdefer-ID, is always shown; other
   warnings are silenced by -Wno-cdefer-ID, -w or `#pragma cdefer
   ignore`, and made errors by -Werror unless -Wno-error=cdefer-ID.  */
bool
diag (int id, int tok, const char *arg)
{
  bool error = cd_diag_is_error ((enum cd_diag_id) id) || opt.werror[id];
  suppressed = (!error && (opt.no_warn[id] || opt.no_warnings))
               || ignored (id, tok);
  if (suppressed)
    return false;
  bool promoted = !error && opt.werror_all && !opt.no_werror[id];
  error |= promoted;
  promoted_any |= promoted;
  const char *file;
  int line, col;
  tok_loc (tok, &file, &line, &col);
  char msg[1024];
  snprintf (msg, sizeof msg, cd_diag_message ((enum cd_diag_id) id),
            arg ? arg : "");
  /* GCC names -Werror after the message (in JSON: "option").  */
  emit (error ? "error" : "warning", file, line, col, "%s [cdefer-%s]%s", msg,
        cd_diag_id_name ((enum cd_diag_id) id),
        promoted && !opt.json ? " [-Werror]" : "");
  if (promoted && opt.json && !diag_sink && current)
    current->option = "-Werror";
  if (error)
    unit->errors++;
  else
    unit->warnings++;
  return true;
}

void
diag_note (int tok, const char *fmt, ...)
{
  if (suppressed)
    return;
  char tmp[2048];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (tmp, sizeof tmp, fmt, ap);
  va_end (ap);
  const char *file;
  int line, col;
  tok_loc (tok, &file, &line, &col);
  emit ("note", file, line, col, "%s", tmp);
}

void
diag_error_at (int tok, const char *fmt, ...)
{
  const char *file;
  int line, col;
  tok_loc (tok, &file, &line, &col);
  va_list ap;
  va_start (ap, fmt);
  verror (file, line, col, fmt, ap);
  va_end (ap);
}

/* S as a quoted string: JSON's escapes, or with C_STYLE those of GCC's
   parseable fix-its (octal for control and non-ASCII bytes).  */
static void
print_quoted (FILE *f, const char *s, bool c_style)
{
  fputc ('"', f);
  for (; *s; s++)
    {
      unsigned char c = (unsigned char) *s;
      if (c == '"' || c == '\\')
        fprintf (f, "\\%c", c);
      else if (c == '\n')
        fputs ("\\n", f);
      else if (c == '\t')
        fputs ("\\t", f);
      else if (c_style && (c < 0x20 || c >= 0x7f))
        fprintf (f, "\\%03o", c);
      else if (!c_style && c < 0x20)
        fprintf (f, "\\u%04x", c);
      else
        fputc (c, f);
    }
  fputc ('"', f);
}

/* S as a JSON string (also cdefer compdb's writer).  */
void
json_string (FILE *f, const char *s)
{
  print_quoted (f, s, false);
}

static void
json_pos (FILE *f, const char *file, int line, int col)
{
  fputs ("{\"file\": ", f);
  json_string (f, file);
  int dcol = display_column (file, line, col);
  fprintf (f, ", \"line\": %d, \"display-column\": %d, \"byte-column\": %d, "
           "\"column\": %d}", line, dcol, col, dcol);
}

static void
json_rec (FILE *f, Rec *r)
{
  fputs ("{\"kind\": ", f);
  json_string (f, r->kind);
  fputs (", \"message\": ", f);
  json_string (f, r->msg);
  fputs (", \"locations\": [", f);
  if (r->file && r->line > 0)
    {
      fputs ("{\"caret\": ", f);
      json_pos (f, r->file, r->line, r->col);
      fputs ("}", f);
    }
  fputs ("], \"escape-source\": false", f);
  if (r->option)
    {
      fputs (", \"option\": ", f);
      json_string (f, r->option);
    }
  if (r->fixits.n)
    {
      fputs (", \"fixits\": [", f);
      for (int i = 0; i < r->fixits.n; i++)
        {
          Fix *x = r->fixits.v[i];
          fputs (i ? ", {\"start\": " : "{\"start\": ", f);
          json_pos (f, x->file, x->l1, x->c1);
          fputs (", \"next\": ", f);
          json_pos (f, x->file, x->l2, x->c2);
          fputs (", \"string\": ", f);
          json_string (f, x->text);
          fputs ("}", f);
        }
      fputs ("]", f);
    }
  if (strcmp (r->kind, "note"))
    {
      fputs (", \"children\": [", f);
      for (int i = 0; i < r->children.n; i++)
        {
          if (i)
            fputs (", ", f);
          json_rec (f, r->children.v[i]);
        }
      fputs ("], \"column-origin\": 1", f);
    }
  fputs ("}", f);
}

/* ---- fix-its: checked against the original file ---- */
typedef struct SrcFile { char *text; size_t size; bool tried; } SrcFile;
static SrcFile *sources;
static int nsources;

static const char *
source_line (int file, int line, size_t *len)
{
  if (file >= nsources)
    {
      sources = realloc (sources, (file + 1) * sizeof *sources);
      memset (sources + nsources, 0, (file + 1 - nsources) * sizeof *sources);
      nsources = file + 1;
    }
  SrcFile *s = &sources[file];
  if (!s->tried)
    {
      s->tried = true;
      FILE *f = fopen (unit->files[file], "rb");
      if (f)
        {
          Buf b = { 0 };
          buf_read (&b, f);
          fclose (f);
          s->text = b.s;
          s->size = b.n;
        }
    }
  if (!s->text)
    return NULL;
  const char *p = s->text, *end = s->text + s->size;
  for (int l = 1; l < line && p < end; l++)
    {
      p = memchr (p, '\n', end - p);
      if (!p)
        return NULL;
      p++;
    }
  const char *e = memchr (p, '\n', end - p);
  *len = (e ? e : end) - p;
  return p;
}

/* The display width of code point C, as GCC's cpp_wcwidth counts it:
   0 for combining marks, 2 for East Asian wide characters.  */
static int
char_width (unsigned long c)
{
  static const unsigned long zero[][2] = {
    { 0x0300, 0x036f }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
    { 0x200b, 0x200f }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
    { 0xfe20, 0xfe2f },
  };
  static const unsigned long wide[][2] = {
    { 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
    { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
    { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
    { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
    { 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
  };
  for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
    if (c >= zero[i][0] && c <= zero[i][1])
      return 0;
  for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
    if (c >= wide[i][0] && c <= wide[i][1])
      return 2;
  return 1;
}

/* GCC's column for byte column BYTECOL of LINE of FILE: GCC counts in
   display columns (-fdiagnostics-column-unit=display, its default): a
   tab goes to the next multiple of 8 (-ftabstop=8), a UTF-8 character
   counts its width.  The byte column when the source cannot be read.  */
static int
display_column (const char *file, int line, int bytecol)
{
  int fi = -1;
  for (int i = 0; i < unit->nfiles && fi < 0; i++)
    if (unit->files[i] == file || !strcmp (unit->files[i], file))
      fi = i;
  size_t len;
  const unsigned char *s = fi >= 0 && line > 0 && bytecol > 1
    ? (const unsigned char *) source_line (fi, line, &len) : NULL;
  if (!s)
    return bytecol;
  size_t end = (size_t) bytecol - 1, i = 0;
  int col = 0;
  while (i < end && i < len)
    {
      unsigned char c = s[i];
      int n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
      unsigned long cp = n == 1 ? c : n ? c & (0x7f >> n) : 0;
      for (int k = 1; k < n; k++)
        if (i + k < len && (s[i + k] & 0xc0) == 0x80)
          cp = cp << 6 | (s[i + k] & 0x3f);
        else
          n = 0;                /* not UTF-8: one column per byte */
      if (c == '\t')
        col += 8 - col % 8;
      else
        col += n > 1 ? char_width (cp) : 1;
      i += n ? (size_t) n : 1;
    }
  return col + 1 + (end > len ? (int) (end - len) : 0);
}

/* The column of token TOK's text in the code of its source line (not
   in a comment or a literal, as a whole token) when it is there exactly
   once, else 0.  */
static int
column_in_code (int tok)
{
  Token *t = &unit->tok[tok];
  size_t len;
  const char *line = source_line (t->file, t->line, &len);
  if (!line || t->len == 0)
    return 0;
  const char *text = unit->text + t->off;
  if ((size_t) t->col - 1 + t->len <= len
      && !memcmp (line + t->col - 1, text, t->len))
    return t->col;
  int found = 0;
  for (size_t i = 0; i < len;)
    {
      char c = line[i];
      if (c == '/' && i + 1 < len && line[i + 1] == '/')
        break;
      if (c == '/' && i + 1 < len && line[i + 1] == '*')
        {
          const char *e = memmem (line + i + 2, len - i - 2, "*/", 2);
          i = e ? (size_t) (e - line) + 2 : len;
          continue;
        }
      if (c == '"' || c == '\'')
        {
          for (i++; i < len && line[i] != c; i++)
            if (line[i] == '\\')
              i++;
          i++;
          continue;
        }
      bool word = (unsigned char) c >= 0x80 || c == '_' || c == '$'
                  || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                  || (c >= '0' && c <= '9');
      size_t j = i + 1;
      if (word)
        while (j < len && ((unsigned char) line[j] >= 0x80 || line[j] == '_'
                           || line[j] == '$' || (line[j] >= 'a' && line[j] <= 'z')
                           || (line[j] >= 'A' && line[j] <= 'Z')
                           || (line[j] >= '0' && line[j] <= '9')))
          j++;
      /* An identifier must match whole; punctuation may start here.  */
      if (i + t->len <= len && !memcmp (line + i, text, t->len)
          && (!word || j - i == t->len))
        {
          if (found)
            return 0;
          found = (int) i + 1;
        }
      i = word ? j : i + 1;
    }
  return found;
}

/* Where to point at token TOK in its source line.  The -E output's
   column is the source's until a macro expansion on the same line shifts
   what follows, so a token found once in the line's code is placed
   there; a token that is not in the line comes from a macro expansion:
   point at the expansion, the first of the tokens before it on the line
   that are not in the source either (GCC's -E output starts an expansion
   at the macro name's column).  */
static int
source_column (int tok)
{
  int c = column_in_code (tok);
  if (c)
    return c;
  Token *t = &unit->tok[tok];
  int j = tok;
  while (j > 0 && unit->tok[j - 1].file == t->file && unit->tok[j - 1].line == t->line
         && !column_in_code (j - 1))
    j--;
  return unit->tok[j].col;
}

/* The column of token TOK in the user's source, as diagnostics give it
   (before the conversion to display columns): GCC's byte column.  */
int
diag_column (int tok)
{
  return source_column (tok);
}

/* GCC's parseable form escapes like a C string.  */
static void
print_escaped (FILE *f, const char *s)
{
  print_quoted (f, s, true);
}

static void
add_fixit (const char *file, int l1, int c1, int l2, int c2, const char *text)
{
  if (opt.json)
    {
      if (!current)
        return;
      Fix *x = NEW (Fix);
      *x = (Fix) { file, l1, c1, l2, c2, xstrndup (text, strlen (text)) };
      vec_push (&current->fixits, x);
      return;
    }
  if (!opt.parseable_fixits)
    return;
  fprintf (stderr, "fix-it:");     /* in bytes, as GCC's */
  print_escaped (stderr, file);
  fprintf (stderr, ":{%d:%d-%d:%d}:", l1, c1, l2, c2);
  print_escaped (stderr, text);
  fputc ('\n', stderr);
}

static void
fixit (int tok, int col_offset, const char *text)
{
  if (suppressed || !(opt.parseable_fixits || opt.json))
    return;
  int col = column_in_code (tok);
  if (!col)
    return;
  Token *t = &unit->tok[tok];
  col += col_offset;
  add_fixit (unit->files[t->file], t->line, col, t->line, col, text);
}

/* Move the statement [FIRST, LAST] (alone on its line) to the start of
   the line after token AFTER: remove its line's text, insert it there.  */
void
diag_fixit_move_line (int first, int last, int after)
{
  if (suppressed || !(opt.parseable_fixits || opt.json))
    return;
  Token *a = &unit->tok[first], *b = &unit->tok[last], *c = &unit->tok[after];
  if (a->file != b->file || a->line != b->line || c->file != a->file
      || c->line <= a->line)
    return;
  size_t len;
  const char *line = source_line (a->file, a->line, &len);
  if (!line)
    return;
  size_t i = 0, j = len;
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  while (j > i && (line[j - 1] == ' ' || line[j - 1] == '\t'
                   || line[j - 1] == '\r'))
    j--;
  unsigned off = a->off, end = b->off + b->len;
  if (j - i != end - off || memcmp (line + i, unit->text + off, end - off))
    return;                     /* not alone on its line, or not this text */
  size_t nlen;
  if (!source_line (c->file, c->line + 1, &nlen))
    return;
  char *text = xalloc (len + 2);
  memcpy (text, line, len);
  text[len] = '\n';
  /* the range ends after the newline, as the plugin's */
  add_fixit (unit->files[a->file], a->line, 1, a->line, (int) len + 2, "");
  add_fixit (unit->files[a->file], c->line + 1, 1, c->line + 1, 1, text);
}

void
diag_fixit_insert (int tok, const char *text)
{
  fixit (tok, 0, text);
}

void
diag_fixit_insert_after (int tok, const char *text)
{
  fixit (tok, (int) unit->tok[tok].len, text);
}

/* The unit ends: print its JSON array, forget its ignores and the
   source files read for columns (their state is the unit's).  */
void
diag_end_unit (void)
{
  if (opt.json)
    {
      fputc ('[', stderr);
      for (int i = 0; i < records.n; i++)
        {
          if (i)
            fputs (", ", stderr);
          json_rec (stderr, records.v[i]);
        }
      fputs ("]\n", stderr);
      json_printed = true;
    }
  else if (promoted_any)
    fputs ("cdefer: all warnings being treated as errors\n", stderr);
  promoted_any = false;
  records = (Vec) { 0 };        /* in the unit's arena */
  current = NULL;
  suppressed = false;
  free (ignores);
  ignores = NULL;
  nignores = 0;
  for (int i = 0; i < nsources; i++)
    free (sources[i].text);
  free (sources);
  sources = NULL;
  nsources = 0;
  fflush (stderr);
}

/* Before exit: with JSON, a run that read no file (a usage error) still
   prints its (empty) array.  */
void
diag_finish (void)
{
  if (opt.json && !json_printed)
    fputs ("[]\n", stderr);
  json_printed = true;
  fflush (stderr);
}
