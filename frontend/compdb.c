/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cdefer compdb: adapt a compile_commands.json for tools that parse C
   without cdefer (clangd, ccls, clang-tidy).  Each command loses the
   plugin's options, a `cdefer cc` command becomes the plain compiler
   command it stands for, and every command gets
   `-D__CDEFER_IDE__ -include <cdefer/ide.h>`, which makes defer and scope
   parse as ordinary C (runtime/include/cdefer/ide.h).

   The JSON is read into a small tree and written back in the same shape
   ("command" stays a string, "arguments" an array; the other members
   stay as they were).  Bad input stops everything before the output is
   touched: the output is written to a temporary and renamed into place.  */
#include "fe.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *compdb_help =
  "usage: cdefer compdb [IN] [-o OUT] [--ide-header=PATH]\n"
  "\n"
  "Rewrite a compile_commands.json (IN, default compile_commands.json;\n"
  "'-' is standard input) for clangd and other tools: -fplugin=* and\n"
  "-fplugin-arg-cdefer-* are dropped, 'cdefer cc [OPTIONS] [COMPILER] ARGS'\n"
  "becomes 'COMPILER ARGS', and each command gets -D__CDEFER_IDE__\n"
  "-include IDE-HEADER (the installed cdefer/ide.h), so that defer and\n"
  "scope parse as ordinary C.  Writes OUT (default standard output)\n"
  "atomically; OUT may be IN.  Running it again changes nothing.\n";

/* ---- JSON: a tree of values ---- */

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } JKind;

typedef struct Json {
  JKind kind;
  char *text;                   /* J_STR: decoded; J_NUM/J_BOOL/J_NULL: as written */
  Vec keys;                     /* J_OBJ: char * */
  Vec vals;                     /* J_OBJ, J_ARR: Json * */
} Json;

typedef struct Reader {
  const char *name;
  const char *s, *p, *end;
  char err[512];
} Reader;

/* Record the first error, at P's line and column.  */
static bool
fail (Reader *r, const char *fmt, ...)
{
  if (r->err[0])
    return false;
  int line = 1, col = 1;
  for (const char *q = r->s; q < r->p && q < r->end; q++)
    if (*q == '\n')
      line++, col = 1;
    else
      col++;
  int n = snprintf (r->err, sizeof r->err, "%s:%d:%d: ", r->name, line, col);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (r->err + n, sizeof r->err - n, fmt, ap);
  va_end (ap);
  return false;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n'
                           || *r->p == '\r'))
    r->p++;
}

static Json *
new_json (JKind kind)
{
  Json *j = xalloc (sizeof *j);
  memset (j, 0, sizeof *j);
  j->kind = kind;
  return j;
}

static int
hex_digit (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c = tolower (c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Four hex digits after "\u": the code unit, or -1.  */
static long
read_u16 (Reader *r)
{
  if (r->end - r->p < 4)
    return -1;
  long v = 0;
  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit ((unsigned char) r->p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  r->p += 4;
  return v;
}

static void
put_utf8 (Buf *b, unsigned long c)
{
  char u[4];
  int n;
  if (c < 0x80)
    u[0] = (char) c, n = 1;
  else if (c < 0x800)
    u[0] = (char) (0xC0 | c >> 6), u[1] = (char) (0x80 | (c & 0x3F)), n = 2;
  else if (c < 0x10000)
    u[0] = (char) (0xE0 | c >> 12), u[1] = (char) (0x80 | (c >> 6 & 0x3F)),
    u[2] = (char) (0x80 | (c & 0x3F)), n = 3;
  else
    u[0] = (char) (0xF0 | c >> 18), u[1] = (char) (0x80 | (c >> 12 & 0x3F)),
    u[2] = (char) (0x80 | (c >> 6 & 0x3F)), u[3] = (char) (0x80 | (c & 0x3F)),
    n = 4;
  buf_add (b, u, n);
}

/* "\uXXXX", with a surrogate pair as one character; P is after "\u".  */
static bool
read_unicode_escape (Reader *r, Buf *b)
{
  long c = read_u16 (r);
  if (c < 0)
    return fail (r, "bad \\u escape");
  if (c >= 0xD800 && c < 0xDC00)
    {
      long lo = -1;
      if (r->end - r->p >= 2 && r->p[0] == '\\' && r->p[1] == 'u')
        {
          r->p += 2;
          lo = read_u16 (r);
        }
      if (lo < 0xDC00 || lo > 0xDFFF)
        return fail (r, "unpaired surrogate in \\u escape");
      c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
    }
  else if (c >= 0xDC00 && c <= 0xDFFF)
    return fail (r, "unpaired surrogate in \\u escape");
  if (c == 0)
    return fail (r, "\\u0000 cannot be part of a command line");
  put_utf8 (b, (unsigned long) c);
  return true;
}

/* A string; P is at its opening quote.  */
static char *
read_string (Reader *r)
{
  Buf b = { 0 };
  r->p++;
  for (;;)
    {
      if (r->p >= r->end)
        {
          fail (r, "unterminated string");
          free (b.s);
          return NULL;
        }
      unsigned char c = (unsigned char) *r->p++;
      if (c == '"')
        break;
      if (c < 0x20)
        {
          r->p--;
          fail (r, "control character in a string (write it as \\u%04x)", c);
          free (b.s);
          return NULL;
        }
      if (c != '\\')
        {
          buf_add (&b, (const char *) &c, 1);
          continue;
        }
      char e = r->p < r->end ? *r->p++ : 0;
      static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
      const char *k = e ? strchr (from, e) : NULL;
      if (k)
        buf_add (&b, &to[k - from], 1);
      else if (e == 'u')
        {
          if (!read_unicode_escape (r, &b))
            {
              free (b.s);
              return NULL;
            }
        }
      else
        {
          r->p -= e ? 2 : 1;       /* at the backslash */
          fail (r, "bad escape '\\%c' in a string", e ? e : ' ');
          free (b.s);
          return NULL;
        }
    }
  return buf_keep (&b);
}

/* A number or true/false/null, kept as written (JSON's grammar).  */
static Json *
read_atom (Reader *r)
{
  const char *b = r->p;
  static const char *const words[] = { "true", "false", "null" };
  for (int i = 0; i < 3; i++)
    {
      size_t n = strlen (words[i]);
      if ((size_t) (r->end - r->p) >= n && !memcmp (r->p, words[i], n))
        {
          r->p += n;
          Json *j = new_json (i == 2 ? J_NULL : J_BOOL);
          j->text = xstrndup (b, n);
          return j;
        }
    }
  const char *q = r->p;
  if (q < r->end && *q == '-')
    q++;
  if (q >= r->end || !isdigit ((unsigned char) *q))
    {
      fail (r, "expected a JSON value");
      return NULL;
    }
  if (*q == '0')
    q++;
  else
    while (q < r->end && isdigit ((unsigned char) *q))
      q++;
  if (q < r->end && *q == '.')
    {
      if (++q >= r->end || !isdigit ((unsigned char) *q))
        {
          r->p = q;
          fail (r, "bad number");
          return NULL;
        }
      while (q < r->end && isdigit ((unsigned char) *q))
        q++;
    }
  if (q < r->end && (*q == 'e' || *q == 'E'))
    {
      q++;
      if (q < r->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= r->end || !isdigit ((unsigned char) *q))
        {
          r->p = q;
          fail (r, "bad number");
          return NULL;
        }
      while (q < r->end && isdigit ((unsigned char) *q))
        q++;
    }
  r->p = q;
  Json *j = new_json (J_NUM);
  j->text = xstrndup (b, q - b);
  return j;
}

static Json *read_value (Reader *r, int depth);

/* The members of an array or object up to CLOSE; P is after the opener.  */
static bool
read_members (Reader *r, Json *j, char close, int depth)
{
  skip_space (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      return true;
    }
  for (;;)
    {
      skip_space (r);
      if (j->kind == J_OBJ)
        {
          if (r->p >= r->end || *r->p != '"')
            return fail (r, "expected a member name in quotes");
          char *key = read_string (r);
          if (!key)
            return false;
          skip_space (r);
          if (r->p >= r->end || *r->p != ':')
            return fail (r, "expected ':' after a member name");
          r->p++;
          vec_push (&j->keys, key);
        }
      Json *v = read_value (r, depth + 1);
      if (!v)
        return false;
      vec_push (&j->vals, v);
      skip_space (r);
      if (r->p < r->end && *r->p == close)
        {
          r->p++;
          return true;
        }
      if (r->p >= r->end)
        return fail (r, "unexpected end of input");
      if (*r->p != ',')
        return fail (r, "expected ',' or '%c'", close);
      r->p++;
    }
}

static Json *
read_value (Reader *r, int depth)
{
  skip_space (r);
  if (depth > 200)
    {
      fail (r, "nested too deeply");
      return NULL;
    }
  if (r->p >= r->end)
    {
      fail (r, "unexpected end of input");
      return NULL;
    }
  if (*r->p == '"')
    {
      char *s = read_string (r);
      if (!s)
        return NULL;
      Json *j = new_json (J_STR);
      j->text = s;
      return j;
    }
  if (*r->p == '[' || *r->p == '{')
    {
      Json *j = new_json (*r->p == '[' ? J_ARR : J_OBJ);
      char close = *r->p == '[' ? ']' : '}';
      r->p++;
      return read_members (r, j, close, depth) ? j : NULL;
    }
  return read_atom (r);
}

/* ---- JSON out ---- */

static void
indent (FILE *f, int depth)
{
  for (int i = 0; i < depth; i++)
    fputs ("  ", f);
}

/* Arrays of strings (arguments) on one line; the rest one member a line,
   as CMake writes the file.  */
static void
write_value (FILE *f, Json *j, int depth)
{
  switch (j->kind)
    {
    case J_STR:
      json_string (f, j->text);
      return;
    case J_ARR:
    case J_OBJ:
      {
        bool flat = j->kind == J_ARR;
        for (int i = 0; flat && i < j->vals.n; i++)
          flat = ((Json *) j->vals.v[i])->kind != J_ARR
                 && ((Json *) j->vals.v[i])->kind != J_OBJ;
        putc (j->kind == J_ARR ? '[' : '{', f);
        for (int i = 0; i < j->vals.n; i++)
          {
            fputs (i ? "," : "", f);
            if (flat)
              fputs (i ? " " : "", f);
            else
              {
                putc ('\n', f);
                indent (f, depth + 1);
              }
            if (j->kind == J_OBJ)
              {
                json_string (f, j->keys.v[i]);
                fputs (": ", f);
              }
            write_value (f, j->vals.v[i], depth + 1);
          }
        if (!flat && j->vals.n)
          {
            putc ('\n', f);
            indent (f, depth);
          }
        putc (j->kind == J_ARR ? ']' : '}', f);
        return;
      }
    default:
      fputs (j->text, f);
    }
}

/* ---- "command": words as clang's JSONCompilationDatabase reads them ---- */

/* Split COMMAND: whitespace separates words; '...' is literal; "..." and
   a bare backslash escape the next character.  False on an open quote.  */
static bool
split_command (const char *s, Vec *words)
{
  for (;;)
    {
      while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
      if (!*s)
        return true;
      Buf w = { 0 };
      while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
        {
          if (*s == '\'')
            {
              const char *e = strchr (s + 1, '\'');
              if (!e)
                return false;
              buf_add (&w, s + 1, e - s - 1);
              s = e + 1;
            }
          else if (*s == '"')
            {
              for (s++; *s != '"'; s++)
                {
                  if (*s == '\\' && s[1])
                    s++;
                  if (!*s)
                    return false;
                  buf_add (&w, s, 1);
                }
              s++;
            }
          else
            {
              if (*s == '\\' && s[1])
                s++;
              buf_add (&w, s++, 1);
            }
        }
      vec_push (words, buf_keep (&w));
    }
}

/* WORDS as one command line: a word with anything but plain characters
   in single quotes (' itself as '\'' ).  */
static char *
join_command (Vec *words)
{
  Buf b = { 0 };
  for (int i = 0; i < words->n; i++)
    {
      const char *w = words->v[i];
      if (i)
        buf_puts (&b, " ");
      bool plain = *w != 0;
      for (const char *p = w; *p && plain; p++)
        plain = isalnum ((unsigned char) *p) || strchr ("_@%+=:,./-", *p);
      if (plain)
        {
          buf_puts (&b, w);
          continue;
        }
      buf_puts (&b, "'");
      for (const char *p = w; *p; p++)
        if (*p == '\'')
          buf_puts (&b, "'\\''");
        else
          buf_add (&b, p, 1);
      buf_puts (&b, "'");
    }
  return buf_keep (&b);
}

/* ---- the rewriting of one command ---- */

/* What the build told cdefer, for the macros the tool should see.  */
typedef struct Flags {
  bool model_ts;
  bool reserved;
} Flags;

static const char *
last_component (const char *p)
{
  const char *s = strrchr (p, '/');
  return s ? s + 1 : p;
}

static bool
begins (const char *s, const char *prefix)
{
  return !strncmp (s, prefix, strlen (prefix));
}

/* Is W the cdefer executable (cdefer, or a path to it)?  */
static bool
is_cdefer (const char *w)
{
  return !strcmp (last_component (w), "cdefer");
}

/* A plugin option, noted in FLAGS; true when W is one (to drop).  */
static bool
plugin_option (const char *w, Flags *flags)
{
  if (begins (w, "-fplugin="))
    return true;
  if (!begins (w, "-fplugin-arg-cdefer-"))
    return false;
  const char *o = w + strlen ("-fplugin-arg-cdefer-");
  if (!strcmp (o, "model=ts"))
    flags->model_ts = true;
  else if (!strcmp (o, "model=go"))
    flags->model_ts = false;
  else if (!strcmp (o, "keywords=reserved"))
    flags->reserved = true;
  else if (!strcmp (o, "keywords=contextual"))
    flags->reserved = false;
  return true;
}

/* An option of `cdefer cc` itself (frontend/main.c, cc_parse_command_line),
   noted in FLAGS and *CC; true when W is one (to drop).  */
static bool
cdefer_cc_option (const char *w, Flags *flags, const char **cc)
{
  if (begins (w, "--cc="))
    *cc = w + 5;
  else if (!strcmp (w, "--model=ts") || !strcmp (w, "--model=go"))
    flags->model_ts = w[8] == 't';
  else if (!strcmp (w, "--keywords=reserved")
           || !strcmp (w, "--keywords=contextual"))
    flags->reserved = w[11] == 'r';
  else if (!begins (w, "--via=") && !begins (w, "--lowering=")
           && strcmp (w, "--always-lower") && strcmp (w, "--trace")
           && !begins (w, "-Wno-cdefer-") && !begins (w, "-Werror=cdefer-"))
    return false;
  return true;
}

/* Does W name a compiler (launcher mode: `cdefer cc gcc ARGS`) rather
   than an input file?  An existing program, or a compiler-like name.  */
static bool
names_compiler (const char *w)
{
  if (w[0] == '-' || w[0] == '@')
    return false;
  const char *base = last_component (w);
  const char *dot = strrchr (base, '.');
  static const char *const inputs[] = {
    "c", "i", "h", "s", "S", "o", "a", "so", "cc", "cpp", "cxx", "C", NULL
  };
  if (dot && name_in (dot + 1, inputs))
    return false;
  char *prog = find_program (w);
  bool found = prog && access (prog, X_OK) == 0;
  return found || strstr (base, "gcc") || strstr (base, "clang")
         || strstr (base, "tcc") || !strcmp (base, "cc");
}

/* The compiler's words from --cc=CC (which may carry options, or start
   with a launcher such as ccache).  */
static void
push_cc_words (Vec *out, const char *cc)
{
  Vec w = { 0 };
  split_command (cc, &w);
  int i = 0;
  static const char *const launchers[] = { "ccache", "distcc", "icecc", "sccache", NULL };
  while (i + 1 < w.n && name_in (last_component (w.v[i]), launchers))
    i++;
  if (i >= w.n)
    vec_push (out, "cc");
  for (; i < w.n; i++)
    vec_push (out, w.v[i]);
}

/* `[LAUNCHER...] cdefer cc [OPTIONS] [COMPILER] ARGS` as the plain
   compiler command; IN[K] is "cdefer".  */
static void
unwrap_cdefer_cc (Vec *in, int k, Vec *out, Flags *flags)
{
  const char *cc = NULL;
  Vec rest = { 0 };
  for (int i = k + 2; i < in->n; i++)
    if (!cdefer_cc_option (in->v[i], flags, &cc))
      vec_push (&rest, in->v[i]);
  int first = 0;
  if (rest.n && names_compiler (rest.v[0]))
    vec_push (out, rest.v[first++]);
  else
    push_cc_words (out, cc ? cc : "cc");
  for (int i = first; i < rest.n; i++)
    vec_push (out, rest.v[i]);
}

static bool
has_word (Vec *v, const char *w)
{
  for (int i = 0; i < v->n; i++)
    if (!strcmp (v->v[i], w))
      return true;
  return false;
}

/* PATH without "bin/.." (the installed headers are found from the
   executable), when it exists.  */
static const char *
clean_path (const char *path)
{
  char *real = path ? realpath (path, NULL) : NULL;
  if (!real)
    return path;
  const char *kept = xstrndup (real, strlen (real));
  free (real);
  return kept;
}

/* The macros and include path of the IDE header, after the compiler.  */
static void
push_ide_args (Vec *out, Vec *in, const Flags *flags, const char *ide)
{
  if (has_word (in, "-D__CDEFER_IDE__"))
    return;                     /* adapted before */
  vec_push (out, "-D__CDEFER_IDE__");
  vec_push (out, "-include");
  vec_push (out, (void *) ide);
  if (flags->model_ts)
    {
      vec_push (out, "-D__CDEFER_MODEL_TS__=1");
      vec_push (out, "-D__STDC_DEFER_TS25755__=2");
      const char *ts = clean_path (ts_include_dir ());
      if (ts)
        {
          Buf b = { 0 };
          buf_printf (&b, "-I%s", ts);
          vec_push (out, buf_keep (&b));
        }
    }
  if (flags->reserved)
    vec_push (out, "-DCDEFER_IDE_KEYWORDS_RESERVED");
}

/* The command IN for the tool: OUT.  IDE is the path of cdefer/ide.h.  */
static void
adapt_words (Vec *in, Vec *out, const char *ide)
{
  Flags flags = { 0 };
  Vec cmd = { 0 };
  int k = 0;
  while (k + 1 < in->n && !(is_cdefer (in->v[k]) && !strcmp (in->v[k + 1], "cc")))
    k++;
  if (k + 1 < in->n)
    unwrap_cdefer_cc (in, k, &cmd, &flags);
  else
    for (int i = 0; i < in->n; i++)
      vec_push (&cmd, in->v[i]);
  Vec rest = { 0 };
  for (int i = 1; i < cmd.n; i++)
    if (!plugin_option (cmd.v[i], &flags))
      vec_push (&rest, cmd.v[i]);
  vec_push (out, cmd.v[0]);
  push_ide_args (out, in, &flags, ide);
  for (int i = 0; i < rest.n; i++)
    vec_push (out, rest.v[i]);
}

/* The member NAME of object J, or NULL.  */
static Json *
member (Json *j, const char *name)
{
  for (int i = 0; i < j->keys.n; i++)
    if (!strcmp (j->keys.v[i], name))
      return j->vals.v[i];
  return NULL;
}

/* Rewrite entry E (the Nth); false with a message in ERR if it is not a
   compile command.  */
static bool
adapt_entry (Json *e, int n, const char *ide, char *err, size_t errn)
{
  if (e->kind != J_OBJ)
    {
      snprintf (err, errn, "entry %d is not an object", n);
      return false;
    }
  Json *cmd = member (e, "command"), *args = member (e, "arguments");
  Json *file = member (e, "file"), *dir = member (e, "directory");
  if (!file || file->kind != J_STR || !dir || dir->kind != J_STR)
    {
      snprintf (err, errn, "entry %d lacks \"file\" or \"directory\" (strings)", n);
      return false;
    }
  if ((!cmd && !args) || (cmd && cmd->kind != J_STR)
      || (args && (args->kind != J_ARR || !args->vals.n)))
    {
      snprintf (err, errn, "entry %d (%s) has no \"command\" string or "
                "non-empty \"arguments\" array", n, file->text);
      return false;
    }
  if (args)
    {
      Vec in = { 0 }, out = { 0 };
      for (int i = 0; i < args->vals.n; i++)
        {
          Json *a = args->vals.v[i];
          if (a->kind != J_STR)
            {
              snprintf (err, errn, "entry %d (%s): \"arguments\" holds a "
                        "value that is not a string", n, file->text);
              return false;
            }
          vec_push (&in, a->text);
        }
      adapt_words (&in, &out, ide);
      args->vals.n = 0;
      for (int i = 0; i < out.n; i++)
        {
          Json *a = new_json (J_STR);
          a->text = out.v[i];
          vec_push (&args->vals, a);
        }
    }
  if (cmd)
    {
      Vec in = { 0 }, out = { 0 };
      if (!split_command (cmd->text, &in) || !in.n)
        {
          snprintf (err, errn, "entry %d (%s): \"command\" is empty or has "
                    "an unclosed quote", n, file->text);
          return false;
        }
      adapt_words (&in, &out, ide);
      cmd->text = join_command (&out);
    }
  return true;
}

/* The installed cdefer/ide.h: next to <stddefer.h>'s directory
   (BIN/../include/cdefer/ts, else the source tree's).  */
static const char *
default_ide_header (void)
{
  const char *ts = ts_include_dir ();
  if (!ts)
    return NULL;
  size_t n = strlen (ts);
  if (n > 3 && !strcmp (ts + n - 3, "/ts"))
    n -= 3;
  Buf b = { 0 };
  buf_printf (&b, "%.*s/ide.h", (int) n, ts);
  return clean_path (buf_keep (&b));
}

static bool
read_all (const char *path, Buf *b)
{
  FILE *f = strcmp (path, "-") ? fopen (path, "rb") : stdin;
  if (!f)
    {
      fprintf (stderr, "cdefer compdb: %s: %s\n", path, strerror (errno));
      return false;
    }
  buf_read (b, f);
  bool bad = ferror (f);
  if (bad)
    fprintf (stderr, "cdefer compdb: %s: read error: %s\n", path, strerror (errno));
  if (f != stdin)
    fclose (f);
  return !bad;
}

int
cmd_compdb (int argc, char **argv)
{
  const char *in = NULL, *out = "-", *ide = NULL;
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (!strcmp (a, "--help") || !strcmp (a, "-h"))
        {
          fputs (compdb_help, stdout);
          return 0;
        }
      if (!strcmp (a, "--version"))
        {
          print_version ();
          return 0;
        }
      if (!strcmp (a, "-o") && i + 1 < argc)
        out = argv[++i];
      else if (begins (a, "-o") && a[2])
        out = a + 2;
      else if (begins (a, "--ide-header="))
        ide = a + 13;
      else if ((a[0] != '-' || !strcmp (a, "-")) && !in)
        in = a;
      else
        return usage_error ("compdb: unexpected argument '%s'", a);
    }
  if (!in)
    in = "compile_commands.json";
  if (!ide)
    ide = default_ide_header ();
  if (!ide || access (ide, R_OK) != 0)
    {
      fprintf (stderr, "cdefer compdb: cannot find cdefer/ide.h%s%s; "
               "give it with --ide-header=PATH\n", ide ? " at " : "",
               ide ? ide : "");
      return 2;
    }
  Buf text = { 0 };
  if (!read_all (in, &text))
    return 2;
  Reader r = { .name = in, .s = text.s ? text.s : "", .p = text.s ? text.s : "" };
  r.end = r.s + text.n;
  Json *root = read_value (&r, 0);
  if (root)
    {
      skip_space (&r);
      if (r.p < r.end)
        fail (&r, "text after the JSON value");
    }
  if (r.err[0])
    {
      fprintf (stderr, "cdefer compdb: %s\n", r.err);
      return 2;
    }
  if (root->kind != J_ARR)
    {
      fprintf (stderr, "cdefer compdb: %s: not a compilation database "
               "(a JSON array of compile commands)\n", in);
      return 2;
    }
  char err[1024];
  for (int i = 0; i < root->vals.n; i++)
    if (!adapt_entry (root->vals.v[i], i + 1, ide, err, sizeof err))
      {
        fprintf (stderr, "cdefer compdb: %s: %s\n", in, err);
        return 2;
      }
  Output o;
  if (!open_output (out, &o))
    return 2;
  write_value (o.fp, root, 0);
  putc ('\n', o.fp);
  return close_output (&o, true);
}
