/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migrate.c - cdefer migrate: rewrite code toward defer and scope
   (SPEC section 7).

     cdefer migrate [--rules=R,...] [--model=go|ts] [--diff|--write]
                    [--explain] [compiler options] FILES...

   Each file is read twice.  First its preprocessed text is parsed and each
   rule looks at each function: it asks for edits of the ORIGINAL file
   (srcmap.c says where each token is there) or refuses with a reason.
   Then the edited text is preprocessed and checked like `cdefer check`
   does, in the target model: a function whose new code draws an error
   loses all its edits (a refusal that quotes the error), and the check
   runs again until what is left is clean.  Only then is anything printed
   (a unified diff) or written (atomically: a temporary in the same
   directory renamed over the file).

   Exit status: 0 nothing to change, 1 something changed (or would), 2
   errors (a file that cannot be read, preprocessed or parsed; usage).  */

#include "migrate.h"
#include "parse.h"
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const rule_names[RULE_COUNT] = {
  "loops", "ts-to-go", "cleanup-attr", "goto-cleanup"
};

static const char *migrate_help =
  "usage: cdefer migrate [--rules=loops,ts-to-go,cleanup-attr,goto-cleanup]\n"
  "                      [--model=go|ts] [--diff|--write] [--explain]\n"
  "                      [--cc=COMPILER] [compiler options] FILES...\n"
  "\n"
  "Rewrite FILES toward defer and scope: a unified diff on standard output\n"
  "(--diff, the default; it applies with patch -p1 or git apply), or the\n"
  "files edited in place (--write; atomically).  Only the edited spans\n"
  "change: comments, formatting and macros elsewhere stay as they are.\n"
  "  --rules=LIST   loops         a loop body with a defer becomes a scope\n"
  "                 ts-to-go      code written for model ts gets scope on\n"
  "                               the blocks that hold a defer, so that it\n"
  "                               behaves the same in model go\n"
  "                 cleanup-attr  __attribute__((cleanup(f))) T x = v;\n"
  "                               (also through macros) becomes\n"
  "                               T x = v; defer f(&x);\n"
  "                 goto-cleanup  goto-cleanup ladders become defers where\n"
  "                               that is provably the same behaviour\n"
  "                 default: loops,cleanup-attr,goto-cleanup (ts-to-go\n"
  "                 changes what go code means: ask for it)\n"
  "  --model=M      the model the code is built with afterwards (go)\n"
  "  --explain      say what each change does and why (standard error)\n"
  "Compiler options are those of the file's compile: -D, -U, -I, -include,\n"
  "-std=, -f, -m, -O... reach the preprocessor; -c, -o FILE, -W, -M... are\n"
  "ignored, so a build's command line can be reused.\n"
  "Each refusal is a note 'file:line: note: not migrated: REASON'.\n"
  "The result is checked with the front end's diagnostics before it is\n"
  "printed or written: a function whose new code would draw an error is\n"
  "left alone.  Exit status: 0 nothing to do, 1 changes made (or\n"
  "proposed), 2 errors.\n";

/* ---- per file ---- */

typedef struct Edit {
  unsigned start, end;
  char *text;
  int group;              /* the function (top-level) it belongs to */
  int seq;                /* order of inserts at one place */
  int line;
  enum rule rule;
  char *why;
} Edit;

typedef struct Note {
  int line;
  char *text;
  int seq;
} Note;

/* A top-level function, by its lines in the original.  */
typedef struct FGroup {
  int first_line, last_line;
  bool failed;
} FGroup;

struct Migration {
  const char *path;
  char *text;
  size_t size;
  Edit *edits;
  int nedits, capedits;
  Note *notes;
  int nnotes, capnotes;
  FGroup *groups;
  int ngroups, capgroups;
  int group;              /* of the function being migrated */
  bool target_ts;
  bool scope_taken, defer_taken;  /* the plain words are names here */
};

static bool rules[RULE_COUNT];
static bool explain;

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p)
    {
      perror ("cdefer");
      exit (2);
    }
  return p;
}

static char *
xstrdup_heap (const char *s)
{
  size_t n = strlen (s);
  char *p = xrealloc (NULL, n + 1);
  memcpy (p, s, n + 1);
  return p;
}

const char *
mig_text (Migration *m, size_t *size)
{
  *size = m->size;
  return m->text;
}

bool
mig_target_ts (Migration *m)
{
  return m->target_ts;
}

const char *
mig_scope_word (Migration *m)
{
  return opt.keywords_reserved || m->scope_taken ? "_Scope" : "scope";
}

const char *
mig_defer_word (Migration *m)
{
  return opt.keywords_reserved || m->defer_taken ? "_Defer" : "defer";
}

static bool
overlaps (Edit *a, unsigned start, unsigned end)
{
  if (a->start == a->end || start == end)
    return a->start < end && start < a->end && a->start != start;
  return a->start < end && start < a->end;
}

bool
mig_edit (Migration *m, enum rule r, unsigned start, unsigned end,
          const char *text, int line, const char *why)
{
  for (int i = 0; i < m->nedits; i++)
    {
      Edit *e = &m->edits[i];
      if (e->start == start && e->end == end && !strcmp (e->text, text))
        return true;            /* the same edit twice (two rules) */
      if (overlaps (e, start, end))
        return false;
    }
  if (m->nedits == m->capedits)
    {
      m->capedits = m->capedits ? 2 * m->capedits : 16;
      m->edits = xrealloc (m->edits, m->capedits * sizeof *m->edits);
    }
  m->edits[m->nedits] = (Edit) { start, end, xstrdup_heap (text), m->group,
                                 m->nedits, line, r,
                                 xstrdup_heap (why ? why : "") };
  m->nedits++;
  return true;
}

int
mig_mark (Migration *m)
{
  return m->nedits;
}

void
mig_rollback (Migration *m, int mark)
{
  while (m->nedits > mark)
    {
      m->nedits--;
      free (m->edits[m->nedits].text);
      free (m->edits[m->nedits].why);
    }
}

static void
add_note (Migration *m, int line, const char *text)
{
  for (int i = 0; i < m->nnotes; i++)
    if (m->notes[i].line == line && !strcmp (m->notes[i].text, text))
      return;
  if (m->nnotes == m->capnotes)
    {
      m->capnotes = m->capnotes ? 2 * m->capnotes : 16;
      m->notes = xrealloc (m->notes, m->capnotes * sizeof *m->notes);
    }
  m->notes[m->nnotes] = (Note) { line, xstrdup_heap (text), m->nnotes };
  m->nnotes++;
}

void
mig_refuse (Migration *m, enum rule r, int line, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;
  va_start (ap, fmt);
  int n = snprintf (msg, sizeof msg, "%s: ", rule_names[r]);
  vsnprintf (msg + n, sizeof msg - n, fmt, ap);
  va_end (ap);
  add_note (m, line, msg);
}

static Func *
outermost_func (Func *f)
{
  while (f->outer)
    f = f->outer;
  return f;
}

void
mig_begin_function (Migration *m, Func *f)
{
  Func *o = outermost_func (f);
  int first = tok_line (o->node->first), last = tok_line (o->node->last);
  for (int i = 0; i < m->ngroups; i++)
    if (m->groups[i].first_line == first && m->groups[i].last_line == last)
      {
        m->group = i;
        return;
      }
  if (m->ngroups == m->capgroups)
    {
      m->capgroups = m->capgroups ? 2 * m->capgroups : 16;
      m->groups = xrealloc (m->groups, m->capgroups * sizeof *m->groups);
    }
  m->groups[m->ngroups] = (FGroup) { first, last, false };
  m->group = m->ngroups++;
}

/* ---- reading the file ---- */

static char *
read_whole (const char *path, size_t *size)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return NULL;
  Buf b = { 0 };
  buf_read (&b, f);
  bool bad = ferror (f);
  fclose (f);
  if (bad)
    {
      free (b.s);
      return NULL;
    }
  buf_add (&b, "", 1);
  *size = b.n - 1;
  return b.s;
}

/* The macros FILE defines or sees (`cc -E -dM`): where a raw identifier
   is a macro, srcmap.c does not take it for the token it expands to.  */
static char *
macro_names (Opts *o, const char *file)
{
  Opts dm = *o;
  dm.cpp_args = (Vec) { 0 };
  for (int i = 0; i < o->cpp_args.n; i++)
    vec_push (&dm.cpp_args, o->cpp_args.v[i]);
  vec_push (&dm.cpp_args, "-dM");
  const char *out = temp_path ("macros.h");
  if (preprocess (&dm, file, out))
    return NULL;
  size_t n;
  return read_whole (out, &n);
}

/* ---- the first pass: the rules ---- */

static void
discard_diag (const char *kind, const char *file, int line, const char *msg)
{
  (void) kind, (void) file, (void) line, (void) msg;
}

/* The token after the bracketed group that opens at token I.  */
static int
after_group (int i)
{
  int depth = 0;
  for (; i < unit->ntok; i++)
    {
      int k = T (i)->kind;
      depth += (k == '(' || k == '[' || k == '{') - (k == ')' || k == ']' || k == '}');
      if (depth == 0)
        return i + 1;
    }
  return unit->ntok;
}

/* Does a type stand before the name at token I in the parameter that
   starts after the '(' at OPEN (or after a comma)?  Else the parentheses
   are a declarator's, `int (*scope) (int);`, and the name is not a
   parameter.  */
static bool
typed_parameter (int open, int i)
{
  int depth = 0;
  for (int j = i - 1; j > open; j--)
    {
      int k = T (j)->kind;
      if (k == ')' || k == ']')
        depth++;
      else if (k == '(' || k == '[')
        depth--;
      else if (depth == 0 && k == ',')
        return false;
      else if (depth == 0 && k != '*' && k != CONST && k != RESTRICT
               && k != VOLATILE && k != ATOMIC && k != ATTRIBUTE
               && k != EXTENSION)
        return true;
    }
  return false;
}

/* Is the name at token I, whose innermost bracket is the '(' at token
   OPEN, visible only inside it: a parameter of a function declarator
   that is not a definition's (`void g_io_module_scope_free
   (GIOModuleScope *scope);` in <gio/gio.h>)?  After the parentheses (and
   the declarator's other parentheses, brackets, attributes) comes
   something other than the body's '{'.  A `for` clause declares for the
   loop.  */
static bool
prototype_scope (int open, int i)
{
  if (open < 0 || T (open)->kind != '(' || (open > 0 && T (open - 1)->kind == FOR)
      || !typed_parameter (open, i))
    return false;
  int j = after_group (open);
  while (j < unit->ntok)
    {
      int k = T (j)->kind;
      if (k == ')')
        j++;
      else if (k == '(' || k == '[')
        j = after_group (j);
      else if ((k == ATTRIBUTE || k == ASM) && j + 1 < unit->ntok
               && T (j + 1)->kind == '(')
        j = after_group (j + 1);
      else
        break;
    }
  return j < unit->ntok && T (j)->kind != '{';
}

/* Are the plain words `scope` and `defer` names in this unit (a macro,
   an identifier)?  Then the edits spell _Scope and _Defer, which no
   declaration can shadow.  `scope` not before '{' and `defer` before
   what a name is followed by are names (tags do not count, nor the
   parameters of a prototype: a GLib header's `scope` parameters must not
   turn every `scope` into `_Scope`, nor a `defer` parameter every defer
   into `_Defer`).  */
static void
note_taken_words (Migration *m)
{
  m->scope_taken = srcmap_macro_kind ("scope") != 0;
  m->defer_taken = srcmap_macro_kind ("defer") != 0;
  int *open = xrealloc (NULL, (unit->ntok + 1) * sizeof *open), nopen = 0;
  for (int i = 0; i < unit->ntok; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[' || k == '{')
        open[nopen++] = i;
      else if ((k == ')' || k == ']' || k == '}') && nopen)
        nopen--;
      if (!T (i)->sym || k != IDENTIFIER)
        continue;
      int prev = i ? T (i - 1)->kind : 0, next = T (i + 1)->kind;
      if (prev == STRUCT || prev == UNION || prev == ENUM)
        continue;
      if (!strcmp (T (i)->sym->name, "scope") && next != '{'
          && !prototype_scope (nopen ? open[nopen - 1] : -1, i))
        m->scope_taken = true;
      if (!strcmp (T (i)->sym->name, "defer")
          && (next == '(' || next == ';' || next == '=' || next == ','
              || next == ')' || next == '[' || next == ']')
          && !prototype_scope (nopen ? open[nopen - 1] : -1, i))
        m->defer_taken = true;
    }
  free (open);
}

static void
migrate_function (Migration *m, Func *f)
{
  mig_begin_function (m, f);
  if (f->has_constructs)
    {
      analyse_function (f);
      if (rules[RULE_TS_TO_GO])
        rule_ts_to_go (m, f, NULL);
      if (rules[RULE_LOOPS] && !m->target_ts)
        rule_loops (m, f, NULL);
      if (rules[RULE_CLEANUP_ATTR])
        rule_cleanup_attr (m, f, NULL);
    }
  if (rules[RULE_GOTO_CLEANUP])
    rule_goto_cleanup (m, f);
}

/* Parse FILE and let the rules propose edits: 0, or 2 (said why).  */
static int
propose (Migration *m, Opts *o)
{
  opt.model_ts = rules[RULE_TS_TO_GO] || m->target_ts;
  char *macros = macro_names (o, m->path);
  if (!macros)
    {
      fprintf (stderr, "cdefer migrate: %s: the preprocessor failed\n",
               m->path);
      return 2;
    }
  unit_open (m->path);
  opt.parse_all = rules[RULE_GOTO_CLEANUP];
  int rc = load (o, m->path);
  if (!rc && (lex_input () || parse_input ()))
    rc = 2;
  if (rc)
    {
      if (rc == 1)
        fprintf (stderr, "cdefer migrate: %s: the preprocessor failed\n",
                 m->path);
      unit_close ();
      free (macros);
      return 2;
    }
  srcmap_build (m->path, m->text, m->size, macros);
  free (macros);
  note_taken_words (m);
  diag_sink = discard_diag;
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *f = unit->functions.v[i];
      if (src_is_main (f->node->first))
        migrate_function (m, f);
    }
  diag_sink = NULL;
  srcmap_free ();
  unit_close ();
  opt.parse_all = false;
  return 0;
}

/* ---- applying the edits ---- */

static int
cmp_edit (const void *a, const void *b)
{
  const Edit *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* an insert before a replacement at the same place */
  if ((x->start == x->end) != (y->start == y->end))
    return x->start == x->end ? -1 : 1;
  return x->seq - y->seq;
}

static bool
edit_live (Migration *m, Edit *e)
{
  return !m->groups[e->group].failed;
}

/* The original with the live edits applied.  */
static char *
apply_edits (Migration *m, size_t *size)
{
  if (m->nedits)
    qsort (m->edits, m->nedits, sizeof *m->edits, cmp_edit);
  Buf b = { 0 };
  unsigned at = 0;
  for (int i = 0; i < m->nedits; i++)
    {
      Edit *e = &m->edits[i];
      if (!edit_live (m, e))
        continue;
      buf_add (&b, m->text + at, e->start - at);
      buf_puts (&b, e->text);
      at = e->end;
    }
  buf_add (&b, m->text + at, m->size - at);
  buf_add (&b, "", 1);
  *size = b.n - 1;
  return b.s;
}

static int
count_newlines (const char *s, size_t n)
{
  int k = 0;
  for (size_t i = 0; i < n; i++)
    k += s[i] == '\n';
  return k;
}

static int
line_at (Migration *m, unsigned off)
{
  return 1 + count_newlines (m->text, off);
}

/* The original line of line NEW_LINE of the edited text.  */
static int
old_line (Migration *m, int new_line)
{
  int delta = 0;
  for (int i = 0; i < m->nedits; i++)
    {
      Edit *e = &m->edits[i];
      if (!edit_live (m, e))
        continue;
      int l1 = line_at (m, e->start);
      int added = count_newlines (e->text, strlen (e->text))
                  - count_newlines (m->text + e->start, e->end - e->start);
      if (new_line < l1 + delta)
        break;
      int removed_end = l1 + count_newlines (m->text + e->start, e->end - e->start);
      if (new_line <= removed_end + delta + (added > 0 ? added : 0))
        return l1;
      delta += added;
    }
  return new_line - delta;
}

/* ---- the second pass: check the result ---- */

typedef struct Problem { int line; char *msg; } Problem;
static Problem *problems;
static int nproblems, capproblems;
static const char *checked_path;

static void
collect_diag (const char *kind, const char *file, int line, const char *msg)
{
  if (strcmp (kind, "error") || !file || strcmp (file, checked_path))
    return;
  if (nproblems == capproblems)
    {
      capproblems = capproblems ? 2 * capproblems : 16;
      problems = xrealloc (problems, capproblems * sizeof *problems);
    }
  problems[nproblems++] = (Problem) { line, xstrdup_heap (msg) };
}

/* The directory part of PATH, for -iquote ("." for none).  */
static char *
dir_of (const char *path)
{
  const char *slash = strrchr (path, '/');
  if (!slash)
    return xstrdup_heap (".");
  size_t n = slash == path ? 1 : (size_t) (slash - path);
  char *d = xrealloc (NULL, n + 1);
  memcpy (d, path, n);
  d[n] = 0;
  return d;
}

/* Check TEXT, the edited file, as `cdefer check` would in the target
   model; the errors in the file go to `problems`.  0, or 2 when it could
   not even be preprocessed.  */
static int
check_text (Migration *m, Opts *o, const char *text, size_t size)
{
  for (int i = 0; i < nproblems; i++)
    free (problems[i].msg);
  nproblems = 0;
  const char *tmp = temp_path ("migrated.c");
  FILE *f = fopen (tmp, "wb");
  if (!f)
    return 2;
  /* Named as the original, so its diagnostics are; its includes are
     found from the original's directory.  */
  fputs ("#line 1 \"", f);
  for (const char *p = m->path; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        fputc ('\\', f);
      fputc (*p, f);
    }
  fputs ("\"\n", f);
  fwrite (text, 1, size, f);
  if (fclose (f))
    return 2;
  Opts c = *o;
  c.cpp_args = (Vec) { 0 };
  char *dir = dir_of (m->path);
  vec_push (&c.cpp_args, "-iquote");
  vec_push (&c.cpp_args, xstrndup (dir, strlen (dir)));
  free (dir);
  for (int i = 0; i < o->cpp_args.n; i++)
    vec_push (&c.cpp_args, o->cpp_args.v[i]);
  /* Code migrated from model ts may still include <stddefer.h> (its
     `defer` macro is harmless in model go): keep finding it.  */
  if (rules[RULE_TS_TO_GO] && ts_include_dir ())
    {
      vec_push (&c.cpp_args, "-idirafter");
      vec_push (&c.cpp_args, (void *) ts_include_dir ());
    }
  checked_path = m->path;
  opt.model_ts = m->target_ts;
  unit_open (m->path);
  diag_sink = collect_diag;
  int rc = load (&c, tmp);
  if (!rc)
    front ();
  diag_sink = NULL;
  unit_close ();
  return rc ? 2 : 0;
}

/* The group (top-level function) around original line LINE, or -1.  */
static int
group_at (Migration *m, int line)
{
  for (int i = 0; i < m->ngroups; i++)
    if (m->groups[i].first_line <= line && line <= m->groups[i].last_line)
      return i;
  return -1;
}

static bool
group_has_edits (Migration *m, int g)
{
  for (int i = 0; i < m->nedits; i++)
    if (m->edits[i].group == g)
      return true;
  return false;
}

static bool
any_live_edit (Migration *m)
{
  for (int i = 0; i < m->nedits; i++)
    if (edit_live (m, &m->edits[i]))
      return true;
  return false;
}

/* Fail every group with edits (an error nobody can be blamed for).  */
static void
fail_all (Migration *m, int line, const char *msg)
{
  char note[1200];
  snprintf (note, sizeof note, "the result would not compile: %s", msg);
  for (int g = 0; g < m->ngroups; g++)
    if (!m->groups[g].failed && group_has_edits (m, g))
      m->groups[g].failed = true;
  add_note (m, line, note);
}

/* The errors the original has in the target model (a loop's defer
   that no rule could fix): they are not the edits' fault.  */
static Problem *baseline;
static int nbaseline;

static void
keep_baseline (void)
{
  for (int i = 0; i < nbaseline; i++)
    free (baseline[i].msg);
  free (baseline);
  baseline = problems;
  nbaseline = nproblems;
  problems = NULL;
  nproblems = capproblems = 0;
}

static bool
in_baseline (int line, const char *msg)
{
  for (int i = 0; i < nbaseline; i++)
    if (baseline[i].line == line && !strcmp (baseline[i].msg, msg))
      return true;
  return false;
}

/* Check the edited text; drop the edits of each function whose new code
   has an error the original did not have, and check again, until the
   rest is clean.  The final text in *OUT.  0, or 2.  */
static int
settle (Migration *m, Opts *o, char **out, size_t *outsize)
{
  nproblems = 0;
  if (m->nedits && check_text (m, o, m->text, m->size))
    return 2;
  keep_baseline ();
  for (int round = 0; round < 8; round++)
    {
      size_t size;
      char *text = apply_edits (m, &size);
      if (!any_live_edit (m))
        {
          *out = text;
          *outsize = size;
          return 0;
        }
      if (check_text (m, o, text, size))
        {
          free (text);
          return 2;
        }
      bool failed_some = false;
      for (int i = 0; i < nproblems; i++)
        {
          int line = old_line (m, problems[i].line);
          int g = group_at (m, line);
          if ((g >= 0 && !group_has_edits (m, g))
              || in_baseline (line, problems[i].msg))
            continue;           /* not ours */
          char note[1200];
          snprintf (note, sizeof note, "the result would not compile: %s",
                    problems[i].msg);
          if (g < 0)
            fail_all (m, line, problems[i].msg);
          else if (!m->groups[g].failed)
            {
              m->groups[g].failed = true;
              add_note (m, line, note);
            }
          failed_some = true;
        }
      if (!failed_some)
        {
          *out = text;
          *outsize = size;
          return 0;
        }
      free (text);
    }
  for (int g = 0; g < m->ngroups; g++)
    m->groups[g].failed = true;
  *out = apply_edits (m, outsize);
  return 0;
}

/* ---- the unified diff ---- */

typedef struct Lines { const char **s; int *len; int n; bool last_nl; } Lines;

static void
split_lines (const char *text, size_t size, Lines *l)
{
  int cap = count_newlines (text, size) + 2;
  l->s = xrealloc (NULL, cap * sizeof *l->s);
  l->len = xrealloc (NULL, cap * sizeof *l->len);
  l->n = 0;
  size_t i = 0;
  while (i < size)
    {
      const char *e = memchr (text + i, '\n', size - i);
      size_t n = e ? (size_t) (e - (text + i)) : size - i;
      l->s[l->n] = text + i;
      l->len[l->n++] = (int) n;
      i += n + (e ? 1 : 0);
    }
  l->last_nl = size == 0 || text[size - 1] == '\n';
}

static void
print_line (FILE *out, char mark, Lines *l, int i)
{
  fputc (mark, out);
  fwrite (l->s[i], 1, l->len[i], out);
  fputc ('\n', out);
  if (i == l->n - 1 && !l->last_nl)
    fputs ("\\ No newline at end of file\n", out);
}

/* A change: original lines [a, b) became new lines [c, d) (0-based).  */
typedef struct Change { int a, b, c, d; } Change;

/* Does byte OFF start a line (or end the text)?  */
static bool
at_line_start (Migration *m, unsigned off)
{
  return off == 0 || off >= m->size || m->text[off - 1] == '\n';
}

/* The changed line ranges, from the live edits (sorted); changes on
   the same or adjacent lines are one.  An edit of whole lines (from a
   line start to a line start, new text of whole lines) changes only
   those lines; any other edit changes the lines it touches.  */
static int
changes_of (Migration *m, Change *ch)
{
  int n = 0, delta = 0;
  for (int i = 0; i < m->nedits; i++)
    {
      Edit *e = &m->edits[i];
      if (!edit_live (m, e))
        continue;
      size_t tl = strlen (e->text);
      bool whole = at_line_start (m, e->start) && at_line_start (m, e->end)
                   && (!tl || e->text[tl - 1] == '\n');
      int a = line_at (m, e->start) - 1;
      int b = whole ? line_at (m, e->end) - 1
              : line_at (m, e->end > e->start ? e->end - 1 : e->start);
      if (whole && e->end >= m->size && m->size && m->text[m->size - 1] != '\n')
        b++;
      if (!n || ch[n - 1].b < a)
        ch[n++] = (Change) { a, b, a + delta, 0 };
      else if (b > ch[n - 1].b)
        ch[n - 1].b = b;
      delta += count_newlines (e->text, tl)
               - count_newlines (m->text + e->start, e->end - e->start);
      ch[n - 1].d = ch[n - 1].b + delta;
    }
  return n;
}

static void
print_diff (FILE *out, Migration *m, const char *newtext, size_t newsize)
{
  Lines o, w;
  split_lines (m->text, m->size, &o);
  split_lines (newtext, newsize, &w);
  Change *ch = xrealloc (NULL, (m->nedits + 1) * sizeof *ch);
  int n = changes_of (m, ch);
  const int ctx = 3;
  fprintf (out, "--- a/%s\n+++ b/%s\n", m->path, m->path);
  for (int i = 0; i < n;)
    {
      /* A hunk: changes whose context touches.  */
      int j = i;
      while (j + 1 < n && ch[j + 1].a - ch[j].b <= 2 * ctx)
        j++;
      int a0 = ch[i].a - ctx < 0 ? 0 : ch[i].a - ctx;
      int c0 = ch[i].c - (ch[i].a - a0);
      int a1 = ch[j].b + ctx > o.n ? o.n : ch[j].b + ctx;
      int c1 = ch[j].d + (a1 - ch[j].b);
      fprintf (out, "@@ -%d", a0 + (a1 > a0 ? 1 : 0));
      if (a1 - a0 != 1)
        fprintf (out, ",%d", a1 - a0);
      fprintf (out, " +%d", c0 + (c1 > c0 ? 1 : 0));
      if (c1 - c0 != 1)
        fprintf (out, ",%d", c1 - c0);
      fputs (" @@\n", out);
      int at = a0;
      for (int k = i; k <= j; k++)
        {
          for (; at < ch[k].a; at++)
            print_line (out, ' ', &o, at);
          for (int x = ch[k].a; x < ch[k].b; x++)
            print_line (out, '-', &o, x);
          for (int x = ch[k].c; x < ch[k].d; x++)
            print_line (out, '+', &w, x);
          at = ch[k].b;
        }
      for (; at < a1; at++)
        print_line (out, ' ', &o, at);
      i = j + 1;
    }
  free (ch);
  free (o.s);
  free (o.len);
  free (w.s);
  free (w.len);
}

/* ---- the command ---- */

static int
cmp_note (const void *a, const void *b)
{
  const Note *x = a, *y = b;
  return x->line != y->line ? x->line - y->line : x->seq - y->seq;
}

static void
print_notes (Migration *m)
{
  if (m->nnotes)
    qsort (m->notes, m->nnotes, sizeof *m->notes, cmp_note);
  for (int i = 0; i < m->nnotes; i++)
    fprintf (stderr, "%s:%d: note: not migrated: %s\n", m->path,
             m->notes[i].line, m->notes[i].text);
}

static void
print_explanations (Migration *m)
{
  for (int i = 0; i < m->nedits; i++)
    {
      Edit *e = &m->edits[i];
      if (edit_live (m, e) && e->why[0])
        fprintf (stderr, "%s:%d: note: %s: %s\n", m->path, e->line,
                 rule_names[e->rule], e->why);
    }
}

/* Write TEXT over PATH: a temporary in the same directory, renamed into
   place (the file is never half written; its mode is kept).  */
static int
write_back (const char *path, const char *text, size_t size)
{
  char *real = realpath (path, NULL);   /* through a symbolic link */
  Output out;
  if (!open_output (real ? real : path, &out))
    {
      free (real);
      return 2;
    }
  bool ok = fwrite (text, 1, size, out.fp) == size;
  int rc = close_output (&out, ok);
  free (real);
  return ok ? rc : 2;
}

static void
free_migration (Migration *m)
{
  for (int i = 0; i < m->nedits; i++)
    free (m->edits[i].text), free (m->edits[i].why);
  for (int i = 0; i < m->nnotes; i++)
    free (m->notes[i].text);
  free (m->edits);
  free (m->notes);
  free (m->groups);
  free (m->text);
}

/* One file: 0 unchanged, 1 changed, 2 error.  */
static int
migrate_file (Opts *o, const char *path, bool write)
{
  Migration m = { 0 };
  m.path = path;
  m.target_ts = opt.model_ts;
  m.text = read_whole (path, &m.size);
  if (!m.text)
    {
      fprintf (stderr, "cdefer migrate: %s: %s\n", path, strerror (errno));
      return 2;
    }
  bool target_ts = opt.model_ts;
  int rc = propose (&m, o);
  char *newtext = NULL;
  size_t newsize = 0;
  if (!rc)
    rc = settle (&m, o, &newtext, &newsize);
  opt.model_ts = target_ts;
  if (!rc)
    {
      print_notes (&m);
      if (explain)
        print_explanations (&m);
      bool changed = newsize != m.size || memcmp (newtext, m.text, m.size);
      if (changed && write)
        rc = write_back (path, newtext, newsize);
      else if (changed)
        print_diff (stdout, &m, newtext, newsize);
      if (!rc)
        rc = changed ? 1 : 0;
    }
  free (newtext);
  free_migration (&m);
  return rc;
}

/* A compiler's option whose next argument belongs to it and is of no use
   to migrate (an output, dependency targets, the linker's).  */
static bool
skipped_with_argument (const char *a)
{
  static const char *const opts[] = {
    "-o", "-MF", "-MT", "-MQ", "-x", "-L", "-l", "-T", "-u", "-z", "-e",
    "--param", "-Xlinker", "-Xassembler", "-aux-info", NULL
  };
  return name_in (a, opts);
}

/* A compiler's option that does not change what the preprocessor makes
   of the file: dropped.  -M* would write dependency files.  */
static bool
dropped (const char *a)
{
  if (!strncmp (a, "-Wno-cdefer-", 12) || !strncmp (a, "-Werror=cdefer-", 15))
    return false;
  return !strcmp (a, "-c") || !strcmp (a, "-S") || !strcmp (a, "-E")
         || !strcmp (a, "-pipe") || !strcmp (a, "-v") || !strncmp (a, "-M", 2)
         || !strncmp (a, "-W", 2) || !strcmp (a, "-w") || !strncmp (a, "-l", 2)
         || !strncmp (a, "-L", 2) || !strcmp (a, "-shared")
         || !strcmp (a, "-static") || !strcmp (a, "-rdynamic")
         || !strncmp (a, "-o", 2);
}

/* A compiler's option that may change predefined macros (-O2 defines
   __OPTIMIZE__, -fPIC __PIC__, -m32 the target's): for the
   preprocessor.  */
static bool
for_preprocessor (const char *a)
{
  return (!strncmp (a, "-f", 2) && strcmp (a, "-fexceptions")
          && strcmp (a, "-fno-exceptions")
          && strncmp (a, "-fdiagnostics", 13))
         || !strncmp (a, "-m", 2) || !strncmp (a, "-O", 2)
         || !strncmp (a, "-g", 2) || !strcmp (a, "-pthread")
         || !strncmp (a, "--sysroot", 9) || !strcmp (a, "-ansi")
         || !strncmp (a, "-idirafter", 10) || !strcmp (a, "-imacros")
         || !strcmp (a, "-isysroot") || !strncmp (a, "-iprefix", 8)
         || !strncmp (a, "-iwithprefix", 12) || !strcmp (a, "-undef")
         || !strcmp (a, "-nostdinc");
}

/* An option of parse_opts (the others, if single-dash, are a compile's
   and ignored; an unknown --option is a usage error).  */
static bool
known_option (const char *a)
{
  static const char *const exact[] = {
    "-h", "-include", "-imacros", "-isystem", "-iquote", "-fexceptions",
    "-fno-exceptions", "-fdiagnostics-parseable-fixits", NULL
  };
  return name_in (a, exact) || a[1] == 'D' || a[1] == 'U' || a[1] == 'I'
         || !strncmp (a, "-std=", 5) || !strncmp (a, "-Wno-cdefer-", 12)
         || !strncmp (a, "-Werror=cdefer-", 15)
         || !strncmp (a, "-fdiagnostics-format=", 21);
}

/* --rules=a,b,c: false for an unknown rule.  */
static bool
parse_rules (const char *list)
{
  memset (rules, 0, sizeof rules);
  while (*list)
    {
      const char *e = strchr (list, ',');
      size_t n = e ? (size_t) (e - list) : strlen (list);
      int k = 0;
      while (k < RULE_COUNT && (strlen (rule_names[k]) != n
                                || memcmp (rule_names[k], list, n)))
        k++;
      if (k == RULE_COUNT)
        return false;
      rules[k] = true;
      list += n + (e ? 1 : 0);
    }
  return true;
}

int
cmd_migrate (int argc, char **argv)
{
  bool write = false;
  rules[RULE_LOOPS] = rules[RULE_CLEANUP_ATTR] = rules[RULE_GOTO_CLEANUP] = true;
  Vec rest = { 0 }, cpp_extra = { 0 };
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (!strncmp (a, "--rules=", 8))
        {
          if (!parse_rules (a + 8))
            return usage_error ("unknown rule in '%s' (loops, ts-to-go, "
                                "cleanup-attr, goto-cleanup)", a + 8);
        }
      else if (!strcmp (a, "--write"))
        write = true;
      else if (!strcmp (a, "--diff"))
        write = false;
      else if (!strcmp (a, "--explain"))
        explain = true;
      else if (!strcmp (a, "--preprocessed")
               || !strncmp (a, "--lowering=", 11) || !strcmp (a, "--trace")
               || !strcmp (a, "--dump-core"))
        return usage_error ("'%s' is not an option of migrate", a);
      /* The compile's options, as a build passes them: those that
         matter to the preprocessor are kept, the others dropped.  */
      else if (skipped_with_argument (a))
        i++;
      else if (dropped (a))
        continue;
      else if (!strncmp (a, "-fdiagnostics", 13)
               && strcmp (a, "-fdiagnostics-parseable-fixits")
               && strncmp (a, "-fdiagnostics-format=", 21))
        continue;
      else if (for_preprocessor (a))
        {
          vec_push (&cpp_extra, (void *) a);
          if ((!strcmp (a, "-idirafter") || !strcmp (a, "-imacros")
               || !strcmp (a, "-isysroot") || !strcmp (a, "-iprefix")
               || !strcmp (a, "-iwithprefix")) && i + 1 < argc)
            vec_push (&cpp_extra, argv[++i]);
        }
      else if (a[0] == '-' && a[1] && a[1] != '-' && !known_option (a))
        continue;               /* another compiler option: not ours */
      else
        vec_push (&rest, (void *) a);
    }
  Opts o = { 0 };
  int rc = parse_opts (rest.n, (char **) rest.v, &o, migrate_help, false);
  if (rc)
    return rc;
  for (int i = 0; i < cpp_extra.n; i++)
    vec_push (&o.cpp_args, cpp_extra.v[i]);
  if (!o.files.n)
    return usage_error ("%s", "migrate wants FILES");
  if (rules[RULE_TS_TO_GO] && opt.model_ts)
    return usage_error ("%s", "ts-to-go migrates to model go: drop "
                        "--model=ts");
  for (int i = 0; i < o.files.n; i++)
    {
      const char *f = o.files.v[i];
      size_t n = strlen (f);
      if (!strcmp (f, "-") || (n > 2 && !strcmp (f + n - 2, ".i")))
        return usage_error ("migrate edits source files, not '%s'", f);
    }
  int worst = 0;
  for (int i = 0; i < o.files.n; i++)
    {
      int r = migrate_file (&o, o.files.v[i], write);
      if (r > worst)
        worst = r;
    }
  return worst;
}
