/* screen.c - may a source file use defer or scope at all?

   `cdefer cc --via=lower` has to preprocess a file before it can lower
   it: one more compiler process per file, which is most of the driver's
   cost.  Yet most files of a project never use defer or scope, and for
   them lowering changes nothing.  This screen reads the source file and
   every header it may include, without preprocessing it.  When none of
   them contains a word that can start a construct, the driver compiles
   the original file directly: the same object and the same warnings as
   the plain compiler, and no extra process.

   The screen only ever errs towards lowering.  It follows every #include
   whatever the conditionals around it, into every file of that name in
   every directory the compiler may search (the union of the -I, -iquote,
   -isystem, -idirafter directories, the including file's directory and
   the compiler's own list).  What it cannot follow -- an #include of a
   macro, an include option it does not know, a raw string -- sends the
   file to the front end.

   The words (see screen_word): defer, scope, _Defer, _Scope, and cdefer
   (#pragma cdefer); for tcc also cleanup and __cleanup__, since the
   driver lowers cleanup attributes for tcc.  A keyword can also be
   spelled by token pasting, `CAT(de, fer)`: in a project file that has
   `##`, two identifiers that paste into a keyword (a prefix such as `de`
   and a suffix such as `fer`) send the file to the front end too.  Pasting
   arguments of that kind through a system header's macro (glibc's
   __CONCAT) is not detected: docs/frontend.md lists it as a limit, and
   --always-lower covers it.

   The compiler's include directories cost a process to learn, so they are
   cached in $CDEFER_CACHE_DIR, else $XDG_CACHE_HOME/cdefer, else
   ~/.cache/cdefer, keyed by the compiler's path, size and time and the
   options that move its directories (-m*, --sysroot, -target, ...).  */

#define _GNU_SOURCE 1            /* memmem */
#include "fe.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- what one scan found ---- */

/* The keywords a paste could produce, for the prefix/suffix sets.  */
static const char *const paste_words[] = { "defer", "scope", "_Defer", "_Scope" };
enum { NPASTE = 4 };

typedef struct FileId { uint64_t dev, ino; bool used; } FileId;

typedef struct Screen {
  const char *reason;           /* why the file needs lowering, or NULL */
  bool tcc;                     /* cleanup attributes are words too */
  Vec dirs;                     /* every directory to look in */
  FileId *seen;                 /* files queued: a hash set */
  int nseen, seen_cap;
  Vec queue;                    /* files to scan: "dir\0path" strings */
  bool paste;                   /* some project file has ## */
  unsigned prefix[NPASTE];      /* bit L: a project identifier is the first
                                   L bytes of paste_words[i] */
  unsigned suffix[NPASTE];      /* bit L: ... the last L bytes */
} Screen;

static bool
screen_word (Screen *s, const char *p, size_t n)
{
  switch (n)
    {
    case 5:
      return !memcmp (p, "defer", 5) || !memcmp (p, "scope", 5);
    case 6:
      return !memcmp (p, "_Defer", 6) || !memcmp (p, "_Scope", 6)
             || !memcmp (p, "cdefer", 6);
    case 7:
      return s->tcc && !memcmp (p, "cleanup", 7);
    case 11:
      return s->tcc && !memcmp (p, "__cleanup__", 11);
    default:
      return false;
    }
}

/* Record identifier P[0..N) if it is a proper prefix or suffix of a
   keyword: the pieces a paste could join.  */
static void
note_piece (Screen *s, const char *p, size_t n)
{
  for (int i = 0; i < NPASTE; i++)
    {
      size_t wn = strlen (paste_words[i]);
      if (n >= wn)
        continue;
      if (!memcmp (paste_words[i], p, n))
        s->prefix[i] |= 1u << n;
      if (!memcmp (paste_words[i] + wn - n, p, n))
        s->suffix[i] |= 1u << n;
    }
}

static bool
pieces_paste (Screen *s)
{
  for (int i = 0; i < NPASTE; i++)
    {
      unsigned wn = strlen (paste_words[i]);
      for (unsigned a = 1; a < wn; a++)
        for (unsigned b = 1; a + b <= wn; b++)
          if ((s->prefix[i] >> a & 1) && (s->suffix[i] >> b & 1))
            return true;
    }
  return false;
}

static void
needs_lowering (Screen *s, const char *path, const char *text,
                const char *at, const char *why)
{
  if (s->reason)
    return;
  int line = 1;
  for (const char *q = text; q < at; q++)
    line += *q == '\n';
  Buf b = { 0 };
  buf_printf (&b, "%s:%d: %s", path, line, why);
  s->reason = xstrndup (b.s, b.n);
  free (b.s);
}

/* ---- finding included files ---- */

static bool
already_seen (Screen *s, struct stat *st)
{
  /* Open addressing; a table grows at half full.  */
  if (2 * (s->nseen + 1) > s->seen_cap)
    {
      int cap = s->seen_cap ? 2 * s->seen_cap : 256;
      FileId *t = xalloc (cap * sizeof *t);
      for (int i = 0; i < s->seen_cap; i++)
        if (s->seen[i].used)
          {
            unsigned h = (unsigned) (s->seen[i].ino * 0x9e3779b1u) & (cap - 1);
            while (t[h].used)
              h = (h + 1) & (cap - 1);
            t[h] = s->seen[i];
          }
      s->seen = t;
      s->seen_cap = cap;
    }
  unsigned h = (unsigned) ((uint64_t) st->st_ino * 0x9e3779b1u) & (s->seen_cap - 1);
  for (; s->seen[h].used; h = (h + 1) & (s->seen_cap - 1))
    if (s->seen[h].dev == (uint64_t) st->st_dev
        && s->seen[h].ino == (uint64_t) st->st_ino)
      return true;
  s->seen[h] = (FileId) { st->st_dev, st->st_ino, true };
  s->nseen++;
  return false;
}

/* Queue PATH for scanning if it is a file not seen yet.  */
static void
consider (Screen *s, const char *path)
{
  struct stat st;
  if (stat (path, &st) < 0 || !S_ISREG (st.st_mode) || already_seen (s, &st))
    return;
  vec_push (&s->queue, xstrndup (path, strlen (path)));
}

static void
consider_in (Screen *s, const char *dir, size_t dn, const char *name, size_t nn)
{
  char path[4096];
  if (dn + nn + 2 > sizeof path)
    return;
  memcpy (path, dir, dn);
  path[dn] = '/';
  memcpy (path + dn + 1, name, nn);
  path[dn + nn + 1] = 0;
  consider (s, path);
}

/* #include NAME in file FROM: every file it may name.  */
static void
follow_include (Screen *s, const char *from, const char *name, size_t nn)
{
  if (name[0] == '/')
    {
      char *p = xstrndup (name, nn);
      consider (s, p);
      return;
    }
  const char *slash = strrchr (from, '/');
  if (slash)
    consider_in (s, from, slash - from, name, nn);
  else
    consider_in (s, ".", 1, name, nn);
  for (int i = 0; i < s->dirs.n; i++)
    {
      const char *d = s->dirs.v[i];
      consider_in (s, d, strlen (d), name, nn);
    }
}

/* ---- the scanner ---- */

/* Byte classes: 1 starts an identifier, 2 continues one.  */
static unsigned char byte_class[256];

static void
init_byte_class (void)
{
  for (int c = 0; c < 256; c++)
    {
      bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                   || c == '_' || c == '$' || c >= 0x80;
      bool digit = c >= '0' && c <= '9';
      byte_class[c] = (start ? 1 : 0) | (start || digit ? 2 : 0);
    }
}

static inline bool
ident_start (unsigned char c)
{
  return byte_class[c] & 1;
}

static inline bool
ident_char (unsigned char c)
{
  return byte_class[c] & 2;
}

/* The first "XY" in P[0..N), by memchr on X (memmem is slow on short
   needles).  */
static const char *
find2 (const char *p, size_t n, char x, char y)
{
  const char *end = p + n;
  while (p < end && (p = memchr (p, x, end - p)))
    {
      if (p + 1 < end && p[1] == y)
        return p;
      p++;
    }
  return NULL;
}

/* The text with its backslash-newlines removed (a word may be split by
   one), or NULL when it has none.  */
static char *
join_lines (const char *p, size_t n, size_t *out_n)
{
  if (!find2 (p, n, '\\', '\n') && !find2 (p, n, '\\', '\r'))
    return NULL;
  char *r = malloc (n + 1);
  if (!r)
    return NULL;
  size_t k = 0;
  const char *q = p, *end = p + n;
  while (q < end)
    {
      const char *bs = memchr (q, '\\', end - q);
      size_t run = (bs ? bs : end) - q;
      memcpy (r + k, q, run);
      k += run;
      q += run;
      if (!bs)
        break;
      if (q + 1 < end && q[1] == '\n')
        q += 2;
      else if (q + 2 < end && q[1] == '\r' && q[2] == '\n')
        q += 3;
      else
        r[k++] = *q++;
    }
  r[k] = 0;
  *out_n = k;
  return r;
}

/* After `#`: an #include-like directive?  Follow it.  Returns where the
   directive's name ends (the rest of the line is scanned as usual).  */
static const char *
directive (Screen *s, const char *path, const char *text, const char *p,
           const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  const char *name = p;
  while (p < end && ident_char (*p))
    p++;
  size_t n = p - name;
  if (!((n == 7 && !memcmp (name, "include", 7))
        || (n == 12 && !memcmp (name, "include_next", 12))
        || (n == 6 && !memcmp (name, "import", 6))))
    return name;                /* scan the name as a word too: #pragma ...  */
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  char close = p < end && *p == '"' ? '"' : p < end && *p == '<' ? '>' : 0;
  if (!close)
    {
      needs_lowering (s, path, text, p, "#include of a macro");
      return p;
    }
  const char *hn = ++p;
  while (p < end && *p != close && *p != '\n')
    p++;
  if (p >= end || *p != close)
    return p;                   /* malformed: the compiler will say so */
  follow_include (s, path, hn, p - hn);
  return p + 1;
}

/* Scan one file's text for the words, the pieces of a paste and the
   files it includes.  USER: a project file, not a system header.  */
static void
scan_text (Screen *s, const char *path, const char *text, size_t n, bool user)
{
  const char *p = text, *end = text + n;
  bool line_start = true;
  const char *tri = find2 (text, n, '?', '?');
  while (tri && (tri + 2 >= end || tri[2] != '/'))
    tri = find2 (tri + 1, end - tri - 1, '?', '?');
  if (tri)
    {
      needs_lowering (s, path, text, tri, "a trigraph line splice");
      return;
    }
  while (p < end && !s->reason)
    {
      unsigned char c = *p;
      if (c == '\n')
        {
          line_start = true;
          p++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        {
          p++;
          continue;
        }
      bool at_line_start = line_start;
      line_start = false;
      if (c == '/' && p + 1 < end && p[1] == '*')
        {
          const char *e = find2 (p + 2, end - p - 2, '*', '/');
          /* A comment is whitespace; one that spans lines may end in
             front of a directive.  */
          line_start = at_line_start || memchr (p, '\n', (e ? e : end) - p);
          p = e ? e + 2 : end;
          continue;
        }
      if (c == '/' && p + 1 < end && p[1] == '/')
        {
          const char *e = memchr (p, '\n', end - p);
          p = e ? e : end;
          continue;
        }
      if (c == '#' && p + 1 < end && p[1] == '#')
        {
          if (user)
            s->paste = true;
          p += 2;
          continue;
        }
      if (c == '%' && p + 3 < end && !memcmp (p, "%:%:", 4))
        {
          if (user)
            s->paste = true;
          p += 4;
          continue;
        }
      if (c == '#' && at_line_start)
        {
          p = directive (s, path, text, p + 1, end);
          continue;
        }
      if (c == '"' || c == '\'')
        {
          /* A literal ends at its quote or, unterminated, at the end of
             the line (`#error don't`).  */
          p++;
          while (p < end && *p != c && *p != '\n')
            p += (*p == '\\' && p + 1 < end && p[1] != '\n') ? 2 : 1;
          if (p < end && *p == c)
            p++;
          continue;
        }
      if ((c >= '0' && c <= '9') || (c == '.' && p + 1 < end && p[1] >= '0'
                                     && p[1] <= '9'))
        {
          /* A pp-number, digit separators and exponent signs included.  */
          p++;
          while (p < end)
            {
              if ((*p == '+' || *p == '-') && strchr ("eEpP", p[-1]))
                p++;
              else if (ident_char (*p) || *p == '.'
                       || (*p == '\'' && p + 1 < end && ident_char (p[1])))
                p++;
              else
                break;
            }
          continue;
        }
      if (ident_start (c))
        {
          const char *w = p;
          while (p < end && ident_char (*p))
            p++;
          size_t wn = p - w;
          if (screen_word (s, w, wn))
            {
              Buf b = { 0 };
              buf_printf (&b, "'%.*s'", (int) wn, w);
              needs_lowering (s, path, text, w, b.s);
              free (b.s);
              return;
            }
          if (p < end && *p == '"' && w[wn - 1] == 'R'
              && (wn == 1 || (wn == 2 && strchr ("LuU", w[0]))
                  || (wn == 3 && !memcmp (w, "u8", 2))))
            {
              needs_lowering (s, path, text, w, "a raw string literal");
              return;
            }
          if (p + 1 < end && *p == '\\' && (p[1] == 'u' || p[1] == 'U'))
            {
              needs_lowering (s, path, text, w,
                              "a universal character name in an identifier");
              return;
            }
          if (user && wn < 6)
            note_piece (s, w, wn);
          continue;
        }
      if (c == '\\' && p + 1 < end && (p[1] == 'u' || p[1] == 'U'))
        {
          needs_lowering (s, path, text, p,
                          "a universal character name in an identifier");
          return;
        }
      p++;
    }
}

static bool
is_system_dir (Screen *s, int first_system, const char *path)
{
  for (int i = first_system; i < s->dirs.n; i++)
    {
      const char *d = s->dirs.v[i];
      size_t dn = strlen (d);
      if (!strncmp (path, d, dn) && path[dn] == '/')
        return true;
    }
  return false;
}

static void
scan_file (Screen *s, const char *path, int first_system)
{
  int fd = open (path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat (fd, &st) < 0)
    {
      if (fd >= 0)
        close (fd);
      needs_lowering (s, path, "", "", "cannot be read");
      return;
    }
  size_t n = st.st_size;
  char *text = malloc (n + 1);
  if (!text)
    {
      close (fd);
      needs_lowering (s, path, "", "", "too large");
      return;
    }
  size_t got = 0;
  while (got < n)
    {
      ssize_t r = read (fd, text + got, n - got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      got += r;
    }
  close (fd);
  text[got] = 0;
  size_t jn;
  char *joined = join_lines (text, got, &jn);
  bool user = !is_system_dir (s, first_system, path);
  if (joined)
    scan_text (s, path, joined, jn, user);
  else
    scan_text (s, path, text, got, user);
  free (joined);
  free (text);
}

/* ---- the compiler's own directories, cached ---- */

static uint64_t
fnv1a (uint64_t h, const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) p[i]) * 0x100000001b3ull;
  return h;
}

/* The full path of program NAME, as execvp would find it.  */
static char *
find_program (const char *name)
{
  if (strchr (name, '/'))
    return xstrndup (name, strlen (name));
  const char *path = getenv ("PATH");
  if (!path)
    path = "/usr/bin:/bin";
  while (*path)
    {
      const char *colon = strchr (path, ':');
      size_t dn = colon ? (size_t) (colon - path) : strlen (path);
      Buf b = { 0 };
      buf_printf (&b, "%.*s/%s", (int) dn, dn ? path : ".", name);
      if (access (b.s, X_OK) == 0)
        {
          char *r = xstrndup (b.s, b.n);
          free (b.s);
          return r;
        }
      free (b.s);
      path += dn + (colon != NULL);
    }
  return NULL;
}

/* Options that move the compiler's own include directories: they go into
   the question and into the cache key.  1: the value is the next
   argument.  */
static int
moves_system_dirs (const char *a)
{
  static const char *const joined[] = {
    "-m", "--sysroot", "-B", "-specs", "--specs", "--target=", "--config",
    "-resource-dir", "--gcc-toolchain", "-stdlib", "-nostdinc", "-nostdlibinc",
    "-isysroot", "-target", "--rtlib", NULL
  };
  static const char *const separate[] = {
    "-target", "-isysroot", "--sysroot", "-B", "-resource-dir", "--config",
    NULL
  };
  for (int i = 0; separate[i]; i++)
    if (!strcmp (a, separate[i]))
      return 2;
  for (int i = 0; joined[i]; i++)
    if (!strncmp (a, joined[i], strlen (joined[i])))
      return 1;
  return 0;
}

static const char *
cache_dir (void)
{
  static char dir[4096];
  const char *e = getenv ("CDEFER_CACHE_DIR");
  if (e && *e)
    snprintf (dir, sizeof dir, "%s", e);
  else if ((e = getenv ("XDG_CACHE_HOME")) && *e == '/')
    snprintf (dir, sizeof dir, "%s/cdefer", e);
  else if ((e = getenv ("HOME")) && *e == '/')
    snprintf (dir, sizeof dir, "%s/.cache/cdefer", e);
  else
    return NULL;
  return dir;
}

static void
make_dirs (const char *dir)
{
  char p[4096];
  snprintf (p, sizeof p, "%s", dir);
  for (char *q = p + 1; *q; q++)
    if (*q == '/')
      {
        *q = 0;
        mkdir (p, 0755);
        *q = '/';
      }
  mkdir (p, 0700);
}

/* Parse the compiler's answer: gcc and clang list the directories after
   `search starts here:` up to `End of search list.`; tcc -vv after
   `include:`.  Each line starts with a space.  Returns the list as lines,
   or NULL when there is none.  */
static char *
parse_search_list (const char *out)
{
  Buf b = { 0 };
  bool in_list = false, found = false;
  for (const char *l = out; *l;)
    {
      const char *nl = strchr (l, '\n');
      size_t n = nl ? (size_t) (nl - l) : strlen (l);
      if ((n >= 20 && memmem (l, n, "search starts here:", 19))
          || (n == 8 && !memcmp (l, "include:", 8)))
        in_list = found = true;
      else if (in_list && n > 1 && l[0] == ' ')
        {
          const char *d = l;
          while (*d == ' ')
            d++;
          size_t dn = n - (d - l);
          const char *fw = memmem (d, dn, " (framework directory)", 22);
          if (fw)
            dn = fw - d;
          buf_printf (&b, "%.*s\n", (int) dn, d);
        }
      else
        in_list = false;
      l += n + (nl != NULL);
    }
  if (!found)
    {
      free (b.s);
      return NULL;
    }
  return b.s ? b.s : xstrndup ("", 0);
}

static char *
slurp_stream (FILE *f)
{
  Buf b = { 0 };
  char chunk[4096];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (&b, chunk, n);
  return b.s ? b.s : xstrndup ("", 0);
}

/* Ask the compiler CCV (with the options QARGS) for its include search
   list.  */
static char *
query_search_list (Vec *ccv, Vec *qargs, bool tcc)
{
  Buf cmd = { 0 };
  Vec words = { 0 };
  for (int i = 0; i < ccv->n; i++)
    vec_push (&words, ccv->v[i]);
  for (int i = 0; i < qargs->n; i++)
    vec_push (&words, qargs->v[i]);
  for (int i = 0; i < words.n; i++)
    {
      buf_puts (&cmd, "'");
      for (const char *c = words.v[i]; *c; c++)
        if (*c == '\'')
          buf_puts (&cmd, "'\\''");
        else
          buf_add (&cmd, c, 1);
      buf_puts (&cmd, "' ");
    }
  /* Output to a pipe, never to a path: a failing compiler deletes its
     output file, and /dev/null must not be one.  */
  buf_puts (&cmd, tcc ? "-vv 2>&1 </dev/null"
                      : "-xc -E -v - 2>&1 >/dev/null </dev/null");
  FILE *p = popen (cmd.s, "r");
  free (cmd.s);
  if (!p)
    return NULL;
  char *out = slurp_stream (p);
  pclose (p);
  return parse_search_list (out);
}

/* The compiler's include directories, from the cache or by asking it.  */
static char *
system_dirs (Vec *ccv, Vec *args, bool tcc)
{
  Vec qargs = { 0 };
  for (int i = 0; i < args->n; i++)
    {
      int m = moves_system_dirs (args->v[i]);
      if (m)
        vec_push (&qargs, args->v[i]);
      if (m == 2 && i + 1 < args->n)
        vec_push (&qargs, args->v[++i]);
    }
  /* The key: the compiler's words, each program's identity, the options,
     and the environment the compiler reads its directories from.  */
  Buf key = { 0 };
  for (int i = 0; i < ccv->n; i++)
    {
      const char *w = ccv->v[i];
      buf_printf (&key, "word %s\n", w);
      char *prog = w[0] != '-' ? find_program (w) : NULL;
      struct stat st;
      if (prog && stat (prog, &st) == 0)
        buf_printf (&key, "prog %s %lld %lld.%09ld\n", prog,
                    (long long) st.st_size, (long long) st.st_mtim.tv_sec,
                    st.st_mtim.tv_nsec);
    }
  for (int i = 0; i < qargs.n; i++)
    buf_printf (&key, "arg %s\n", (const char *) qargs.v[i]);
  static const char *const env[] = {
    "CPATH", "C_INCLUDE_PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH",
    "SDKROOT", NULL
  };
  for (int i = 0; env[i]; i++)
    if (getenv (env[i]))
      buf_printf (&key, "env %s=%s\n", env[i], getenv (env[i]));

  const char *dir = cache_dir ();
  char file[4200] = "";
  if (dir)
    snprintf (file, sizeof file, "%s/include-dirs-%016llx", dir,
              (unsigned long long) fnv1a (0xcbf29ce484222325ull, key.s, key.n));
  if (file[0])
    {
      FILE *f = fopen (file, "rb");
      if (f)
        {
          char *c = slurp_stream (f);
          fclose (f);
          /* The cached key, a line "--", then the list.  */
          if (!strncmp (c, key.s, key.n) && !strncmp (c + key.n, "--\n", 3))
            return c + key.n + 3;
        }
    }
  char *list = query_search_list (ccv, &qargs, tcc);
  if (list && file[0])
    {
      make_dirs (dir);
      char tmp[4300];
      snprintf (tmp, sizeof tmp, "%s.%ld.tmp", file, (long) getpid ());
      FILE *f = fopen (tmp, "wb");
      if (f)
        {
          bool ok = fwrite (key.s, 1, key.n, f) == key.n
                    && fputs ("--\n", f) >= 0 && fputs (list, f) >= 0;
          if (fclose (f) == 0 && ok)
            rename (tmp, file);
          else
            remove (tmp);
        }
    }
  return list;
}

/* ---- the screen ---- */

/* The directories and forced includes of the user's options ARGS.
   Returns false for an include option the screen does not know.  */
static bool
user_dirs (Screen *s, Vec *args, Vec *forced)
{
  static const char *const dir_opts[] = {
    "-I", "-iquote", "-isystem", "-idirafter", "--include-directory=", NULL
  };
  for (int i = 0; i < args->n; i++)
    {
      const char *a = args->v[i];
      if (!strcmp (a, "-include") || !strcmp (a, "-imacros"))
        {
          if (i + 1 < args->n)
            vec_push (forced, args->v[++i]);
          continue;
        }
      if (!strncmp (a, "--include=", 10))
        {
          vec_push (forced, (void *) (a + 10));
          continue;
        }
      bool known = false;
      for (int k = 0; dir_opts[k]; k++)
        {
          size_t on = strlen (dir_opts[k]);
          if (strncmp (a, dir_opts[k], on))
            continue;
          const char *d = a[on] ? a + on : (i + 1 < args->n ? args->v[++i] : "");
          if (d[0] == '=' || d[0] == '$')
            return false;       /* relative to the sysroot */
          if (!strcmp (d, "-"))
            {
              known = true;     /* -I-: splits the list, adds nothing */
              break;
            }
          if (*d)
            vec_push (&s->dirs, (void *) d);
          known = true;
          break;
        }
      if (known)
        continue;
      if (!strcmp (a, "-isysroot"))
        {
          i++;
          continue;
        }
      /* -iprefix, -iwithprefix, -imultilib, -iframework ...: not followed. */
      if ((a[0] == '-' && a[1] == 'i' && a[2]) || !strncmp (a, "-F", 2)
          || !strncmp (a, "-Wp,", 4) || !strcmp (a, "-Xpreprocessor")
          || !strncmp (a, "--include", 9))
        return false;
    }
  return true;
}

const char *
screen_source (Vec *ccv, Vec *args, const char *src, bool tcc)
{
  Screen s = { .tcc = tcc };
  if (!byte_class['a'])
    init_byte_class ();
  Vec forced = { 0 };
  if (!user_dirs (&s, args, &forced))
    return "an include option the screen does not follow";
  int first_system = s.dirs.n;
  char *sys = system_dirs (ccv, args, tcc);
  if (!sys)
    return "the compiler did not list its include directories";
  for (char *l = sys; *l;)
    {
      char *nl = strchr (l, '\n');
      if (!nl)
        break;
      vec_push (&s.dirs, xstrndup (l, nl - l));
      l = nl + 1;
    }
  /* Environment directories: user ones for CPATH, system for the rest
     (gcc lists them in its answer too; this keeps a cached answer right). */
  static const char *const env[] = { "CPATH", "C_INCLUDE_PATH", NULL };
  for (int i = 0; env[i]; i++)
    {
      const char *e = getenv (env[i]);
      for (; e && *e;)
        {
          const char *colon = strchr (e, ':');
          size_t n = colon ? (size_t) (colon - e) : strlen (e);
          vec_push (&s.dirs, n ? xstrndup (e, n) : ".");
          e += n + (colon != NULL);
        }
    }
  consider (&s, src);
  if (!s.queue.n)
    return "cannot be read";
  for (int i = 0; i < forced.n; i++)
    {
      const char *f = forced.v[i];
      follow_include (&s, "./-include", f, strlen (f));
    }
  for (int i = 0; i < s.queue.n && !s.reason; i++)
    scan_file (&s, s.queue.v[i], i == 0 ? s.dirs.n : first_system);
  if (!s.reason && s.paste && pieces_paste (&s))
    s.reason = "identifiers that '##' could paste into a keyword";
  return s.reason;
}
