/* diag.c - GCC-style diagnostics: file:line:col: error: MSG [cdefer-ID].

   Locations are the original source positions recorded by the lexer from
   the line markers.  A fix-it is printed (in GCC's parseable form, with
   -fdiagnostics-parseable-fixits) only when the original file really holds
   the expected text there; after macro expansion it may not.  */

#include "fe.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int diag_errors, diag_warnings;
bool diag_parseable_fixits;
bool diag_no_warn[DIAG_COUNT], diag_werror[DIAG_COUNT];

enum { ERROR, WARNING };
static const struct { const char *id; int kind; const char *msg; } catalogue[] = {
#define CDEFER_DIAG(NAME, ID, KIND, MSG) { ID, KIND, MSG },
#include "cdefer/diagnostics.def"
#undef CDEFER_DIAG
};

static bool suppressed;

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
  if (tok < in.ntok && in.tok[tok].ignore == id + 1)
    return true;
  for (int i = 0; i < nignores; i++)
    if (ignores[i].id == id && ignores[i].first <= tok && tok <= ignores[i].last)
      return true;
  return false;
}    /* the last diagnostic was turned off: drop notes */

const char *
diag_id_name (int id)
{
  return catalogue[id].id;
}

int
diag_lookup (const char *id)
{
  for (int i = 0; i < DIAG_COUNT; i++)
    if (!strcmp (catalogue[i].id, id))
      return i;
  return -1;
}

static void
print_loc (int tok)
{
  Token *t = &in.tok[tok < in.ntok ? tok : (in.ntok ? in.ntok - 1 : 0)];
  if (!in.ntok)
    {
      fprintf (stderr, "%s: ", in.path);
      return;
    }
  fprintf (stderr, "%s:%d:%d: ", in.files[t->file], t->line, t->col);
}

bool
diag (int id, int tok, const char *arg)
{
  bool error = catalogue[id].kind == ERROR || diag_werror[id];
  suppressed = (!error && diag_no_warn[id]) || ignored (id, tok);
  if (suppressed)
    return false;
  print_loc (tok);
  fputs (error ? "error: " : "warning: ", stderr);
  fprintf (stderr, catalogue[id].msg, arg ? arg : "");
  fprintf (stderr, " [cdefer-%s]\n", catalogue[id].id);
  if (error)
    diag_errors++;
  else
    diag_warnings++;
  return true;
}

void
diag_note (int tok, const char *fmt, ...)
{
  if (suppressed)
    return;
  print_loc (tok);
  fputs ("note: ", stderr);
  va_list ap;
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

void
diag_error_at (int tok, const char *fmt, ...)
{
  print_loc (tok);
  fputs ("error: ", stderr);
  va_list ap;
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  diag_errors++;
  suppressed = false;
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
      FILE *f = fopen (in.files[file], "rb");
      if (f)
        {
          Buf b = { 0 };
          char tmp[65536];
          size_t n;
          while ((n = fread (tmp, 1, sizeof tmp, f)) > 0)
            buf_add (&b, tmp, n);
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

/* The column of the token's text in the original line, or 0.  */
static int
original_column (int tok)
{
  Token *t = &in.tok[tok];
  size_t len;
  const char *line = source_line (t->file, t->line, &len);
  if (!line)
    return 0;
  if ((size_t) t->col - 1 + t->len <= len
      && !memcmp (line + t->col - 1, in.text + t->off, t->len))
    return t->col;
  /* Columns drift after -E; accept a unique occurrence on the line.  */
  int found = 0;
  for (size_t i = 0; i + t->len <= len; i++)
    if (!memcmp (line + i, in.text + t->off, t->len))
      {
        if (found)
          return 0;
        found = (int) i + 1;
      }
  return found;
}

static void
fixit (int tok, int col_offset, const char *text)
{
  if (suppressed || !diag_parseable_fixits)
    return;
  int col = original_column (tok);
  if (!col)
    return;
  Token *t = &in.tok[tok];
  col += col_offset;
  fprintf (stderr, "fix-it:\"%s\":{%d:%d-%d:%d}:\"%s\"\n", in.files[t->file],
           t->line, col, t->line, col, text);
}

void
diag_fixit_insert (int tok, const char *text)
{
  fixit (tok, 0, text);
}

void
diag_fixit_insert_after (int tok, const char *text)
{
  fixit (tok, (int) in.tok[tok].len, text);
}

void
diag_flush (void)
{
  fflush (stderr);
}
