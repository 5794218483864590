/* SPDX-License-Identifier: GPL-3.0-or-later */
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
   the compiler's own list).  `#include MACRO` and `#include F (ARGS)` are
   expanded with every definition of their macros (in the files or as -D,
   resolve_computed); a macro the compiler may predefine, an include
   option it does not know, a raw string or a trigraph send the file to
   the front end.

   The words (screen_word): defer, scope, _Defer, _Scope, and cdefer
   (#pragma cdefer); for tcc also cleanup and __cleanup__, since the
   driver lowers cleanup attributes for tcc.

   A keyword can also be made by token pasting, `CAT(de, fer)`.  A paste
   joins the last token of one operand to the first of the next, and an
   operand is a token written next to `##`, the first or last token of a
   macro's replacement text, or the first or last token of an argument
   of a macro that pastes (one whose body has `##`, uses such a macro, or
   calls one of its parameters as a macro; glibc's __CONCAT included).
   Identifiers in those places that are a prefix and a suffix of the same
   keyword (`de` and `fer`) in project files send the file to the front
   end.

   The screen runs before every compile, so it is one pass over each file
   (read once, into one reused buffer) at a few instructions per byte: one
   table dispatch per token, comments skipped by memchr, identifiers
   tested by their first and last bytes before any comparison, and the
   paste bookkeeping only around pieces.  tests/frontend/screen-fuzz
   checks its verdicts against `gcc -E` (and against another build).

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

/* The keywords a paste could produce.  */
static const char *const paste_words[] = { "defer", "scope", "_Defer", "_Scope" };
enum { NPASTE = 4 };

/* Bit L of prefix[i]: an identifier is the first L bytes of
   paste_words[i]; of suffix[i]: the last L bytes.  */
typedef struct Pieces { unsigned prefix[NPASTE], suffix[NPASTE]; } Pieces;

/* An identifier that is a piece, first or last in an argument of CALLEE.  */
typedef struct ArgPiece { const char *callee; Pieces p; } ArgPiece;

/* A #define (or -D): its name and replacement text.  */
typedef struct Macro {
  const char *name, *body;
  const char *params;           /* function-like: the parameter list */
  bool pastes;                  /* the body has ## */
  struct Macro *same_name;      /* the other definitions of the name */
  int epoch;                    /* callee_pastes: reached in search N */
} Macro;

/* `#include NAME` in FROM.  */
typedef struct Computed { const char *name, *from; } Computed;

typedef struct FileId { uint64_t dev, ino; bool used; } FileId;

/* A set of strings: open addressing, grows at half full.  */
typedef struct StrSet { const char **v; int n, cap; } StrSet;

typedef struct Screen {
  const char *reason;           /* why the file needs lowering, or NULL */
  bool tcc;                     /* cleanup attributes are words too */
  Vec dirs;                     /* every directory to look in */
  int first_system;             /* dirs[first_system...]: system headers */
  FileId *seen;                 /* files queued: a hash set */
  int nseen, seen_cap;
  Vec queue;                    /* files to scan */
  Vec macros;                   /* Macro *, every definition seen */
  Vec computed;                 /* Computed *, every #include MACRO */
  Vec arg_pieces;               /* ArgPiece * */
  Pieces pieces;                /* pieces that are paste operands anyway */
  Macro **by_name;              /* index_macros: a hash table of chains */
  int by_name_cap, epoch;
  int indexed;                  /* macros.n when by_name was made */
  StrSet tried;                 /* every path looked at (consider) */
  StrSet searched;              /* every name looked up in all of dirs */
  char *buf;                    /* the text of the file being scanned */
  size_t buf_cap;
} Screen;

static bool
screen_word (Screen *s, const char *p, size_t n)
{
  if (n < 5 || !(p[0] == 'd' || p[0] == 's' || p[0] == 'c' || p[0] == '_'))
    return false;
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

static void
add_pieces (Pieces *to, const Pieces *from)
{
  for (int i = 0; i < NPASTE; i++)
    {
      to->prefix[i] |= from->prefix[i];
      to->suffix[i] |= from->suffix[i];
    }
}

/* Every proper prefix and suffix of the paste words, by length, with what
   it is a piece of (init_pieces).  */
typedef struct PieceEntry { uint64_t text; Pieces p; } PieceEntry;
static PieceEntry piece_table[6][2 * NPASTE];
static int piece_count[6];

/* P[0..N), N < 8, as a number: equal texts give equal numbers.  */
static uint64_t
packed (const char *p, size_t n)
{
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++)
    v |= (uint64_t) (unsigned char) p[i] << (8 * i);
  return v;
}

static void
add_piece_entry (const char *p, size_t n, int word, bool prefix)
{
  uint64_t v = packed (p, n);
  int k = 0;
  while (k < piece_count[n] && piece_table[n][k].text != v)
    k++;
  if (k == piece_count[n])
    piece_table[n][piece_count[n]++].text = v;
  if (prefix)
    piece_table[n][k].p.prefix[word] |= 1u << n;
  else
    piece_table[n][k].p.suffix[word] |= 1u << n;
}

static void
init_pieces (void)
{
  for (int i = 0; i < NPASTE; i++)
    {
      size_t wn = strlen (paste_words[i]);
      for (size_t n = 1; n < wn; n++)
        {
          add_piece_entry (paste_words[i], n, i, true);
          add_piece_entry (paste_words[i] + wn - n, n, i, false);
        }
    }
}

/* Is identifier P[0..N) a proper prefix or suffix of a keyword?  Which
   pieces it is, or NULL.  */
static const Pieces *
piece_of (const char *p, size_t n)
{
  if (n >= 6)
    return NULL;
  uint64_t v = packed (p, n);
  for (int k = 0; k < piece_count[n]; k++)
    if (piece_table[n][k].text == v)
      return &piece_table[n][k].p;
  return NULL;
}

/* Can a prefix and a suffix in P be pasted (with anything between) into
   a keyword?  */
static bool
pieces_paste (const Pieces *p)
{
  for (int i = 0; i < NPASTE; i++)
    {
      unsigned wn = strlen (paste_words[i]);
      for (unsigned a = 1; a < wn; a++)
        for (unsigned b = 1; a + b <= wn; b++)
          if ((p->prefix[i] >> a & 1) && (p->suffix[i] >> b & 1))
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

/* A hash of P[0..N): eight bytes a step (paths are long).  */
static unsigned
name_hash (const char *p, size_t n)
{
  uint64_t h = n;
  for (; n >= 8; p += 8, n -= 8)
    {
      uint64_t w;
      memcpy (&w, p, 8);
      h = (h ^ w) * 0x9e3779b97f4a7c15ull;
      h ^= h >> 32;
    }
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) p[i]) * 0x100000001b3ull;
  return (unsigned) (h ^ h >> 29);
}

/* Add P[0..N) to SET.  Returns false if it was there already.  */
static bool
strset_add (StrSet *set, const char *p, size_t n)
{
  if (2 * (set->n + 1) > set->cap)
    {
      int cap = set->cap ? 2 * set->cap : 256;
      const char **v = xalloc (cap * sizeof *v);
      for (int i = 0; i < set->cap; i++)
        if (set->v[i])
          {
            unsigned h = name_hash (set->v[i], strlen (set->v[i])) & (cap - 1);
            while (v[h])
              h = (h + 1) & (cap - 1);
            v[h] = set->v[i];
          }
      set->v = v;
      set->cap = cap;
    }
  unsigned h = name_hash (p, n) & (set->cap - 1);
  for (; set->v[h]; h = (h + 1) & (set->cap - 1))
    if (!strncmp (set->v[h], p, n) && !set->v[h][n])
      return false;
  set->v[h] = xstrndup (p, n);
  set->n++;
  return true;
}

static bool
already_seen (Screen *s, struct stat *st)
{
  /* Open addressing; the table grows at half full.  */
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
  /* Headers include the same names again and again: each path costs
     one stat in a run.  */
  if (!strset_add (&s->tried, path, strlen (path)))
    return;
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
  if (nn && name[0] == '/')
    {
      consider (s, xstrndup (name, nn));
      return;
    }
  const char *slash = strrchr (from, '/');
  if (slash)
    consider_in (s, from, slash - from, name, nn);
  else
    consider_in (s, ".", 1, name, nn);
  if (!strset_add (&s->searched, name, nn))
    return;                     /* every directory was tried for it */
  for (int i = 0; i < s->dirs.n; i++)
    {
      const char *d = s->dirs.v[i];
      consider_in (s, d, strlen (d), name, nn);
    }
}

/* ---- the scanner ---- */

/* Byte classes: 1 starts an identifier, 2 continues one.  */
static unsigned char byte_class[256];

/* What a byte starts, for the scanner's dispatch: one table lookup and
   one jump per token (the scanner reads every byte of sqlite3.c's 8.6 MB,
   so each instruction per byte counts).  */
enum kind {
  K_PUNCT, K_BLANK, K_NEWLINE, K_IDENT, K_DIGIT, K_DOT, K_SLASH, K_QUOTE,
  K_HASH, K_PERCENT, K_LPAREN, K_RPAREN, K_COMMA, K_BACKSLASH, K_NUL
};
static unsigned char byte_kind[256];

/* Bits of word_edge[c]: a word (screen_word) may start with c, a paste
   piece (piece_of) may start or end with it, or c after an identifier
   may make it a raw string's prefix or a universal character name.  Most
   identifiers are none of these, and are not looked at again.  */
enum { STARTS_WORD = 1, STARTS_PIECE = 2, ENDS_PIECE = 4, ODD_NEXT = 8 };
static unsigned char word_edge[256];

static void
init_tables (void)
{
  for (int c = 0; c < 256; c++)
    {
      bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                   || c == '_' || c == '$' || c >= 0x80;
      bool digit = c >= '0' && c <= '9';
      byte_class[c] = (start ? 1 : 0) | (start || digit ? 2 : 0);
      byte_kind[c] = start ? K_IDENT : digit ? K_DIGIT : K_PUNCT;
    }
  static const char blanks[] = " \t\r\f\v";
  for (const char *b = blanks; *b; b++)
    byte_kind[(unsigned char) *b] = K_BLANK;
  byte_kind['\n'] = K_NEWLINE;
  byte_kind['.'] = K_DOT;
  byte_kind['/'] = K_SLASH;
  byte_kind['"'] = byte_kind['\''] = K_QUOTE;
  byte_kind['#'] = K_HASH;
  byte_kind['%'] = K_PERCENT;
  byte_kind['('] = K_LPAREN;
  byte_kind[')'] = K_RPAREN;
  byte_kind[','] = K_COMMA;
  byte_kind['\\'] = K_BACKSLASH;
  byte_kind[0] = K_NUL;
  init_pieces ();
  word_edge['d'] = word_edge['s'] = word_edge['_'] = STARTS_WORD | STARTS_PIECE;
  word_edge['c'] = STARTS_WORD;
  word_edge['r'] |= ENDS_PIECE;
  word_edge['e'] |= ENDS_PIECE;
  word_edge['"'] = word_edge['\\'] = ODD_NEXT;  /* R"..." and \u */
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

/* The length of the backslash-newline at P (2, or 3 with a CR), else 0.  */
static size_t
splice_at (const char *p, const char *end)
{
  if (p + 1 < end && p[1] == '\n')
    return 2;
  return p + 2 < end && p[1] == '\r' && p[2] == '\n' ? 3 : 0;
}

/* The next backslash-newline in P[0..END), or NULL.  */
static char *
next_splice (char *p, const char *end)
{
  while (p < end && (p = memchr (p, '\\', end - p)))
    {
      if (splice_at (p, end))
        return p;
      p++;
    }
  return NULL;
}

/* Is the newline at NL the end of a backslash-newline that starts at or
   after FROM?  */
static bool
spliced_newline (const char *nl, const char *from)
{
  return (nl - 1 >= from && nl[-1] == '\\')
         || (nl - 2 >= from && nl[-1] == '\r' && nl[-2] == '\\');
}

/* Join the line START..., whose first backslash-newline is at BS: its
   pieces move right over the backslash-newlines, blanks fill its start.
   Returns where it ends (its newline, or END).  */
static char *
join_line (char *start, char *bs, const char *end)
{
  /* Forwards to the first newline that is no backslash-newline's.  */
  char *from = bs + splice_at (bs, end), *nl;
  while ((nl = memchr (from, '\n', end - from)) && spliced_newline (nl, from))
    from = nl + 1;
  char *line_end = nl ? nl : (char *) end;
  /* Backwards, piece by piece: inside the line every newline is a
     backslash-newline's.  */
  char *to = line_end, *piece_end = line_end;
  for (;;)
    {
      char *e = memrchr (start, '\n', piece_end - start);
      char *piece = e ? e + 1 : start;
      to -= piece_end - piece;
      memmove (to, piece, piece_end - piece);
      if (!e)
        break;
      piece_end = e[-1] == '\\' ? e - 1 : e - 2;
    }
  memset (start, ' ', to - start);
  return line_end;
}

/* Remove the backslash-newlines of T[0..N) (a word may be split by one),
   as translation phase 2 does.  Rather than move the rest of the file
   down, each line made of spliced lines is joined where it ends, with
   blanks at its start: the scan sees the same tokens on the same lines,
   and only the spliced lines move (a few kB of sqlite3.c's 8.6 MB).  */
static void
join_lines (char *t, size_t n)
{
  const char *end = t + n;
  char *floor = t, *bs;
  while ((bs = next_splice (floor, end)))
    {
      char *nl = memrchr (floor, '\n', bs - floor);
      floor = join_line (nl ? nl + 1 : floor, bs, end);
    }
}

/* The tokens the paste analysis looks at; everything else is OTHER.  */
enum tok { T_NONE, T_IDENT, T_LPAREN, T_RPAREN, T_COMMA, T_PASTE, T_OTHER };

/* Bits of Scan.pending: what makes the next token matter to the paste
   analysis (one test per token).  */
enum { PREV_PIECE = 1, BODY_FIRST = 2 };

/* One file being scanned.  */
typedef struct Scan {
  Screen *s;
  const char *path, *text, *end;
  bool user;                    /* a project file, not a system header */
  enum tok prev;                /* the previous token */
  const char *prev_id;          /* ... its text when an identifier */
  size_t prev_idn;
  unsigned char pending;        /* PREV_PIECE: it is a piece (prev_pieces);
                                   BODY_FIRST: the next token is a
                                   #define body's first */
  Pieces prev_pieces;
  bool prev_arg_start;          /* ... first in an argument */
  /* Open parentheses: the identifier before each (the callee).  */
  const char *callee[64];
  size_t callee_n[64];
  int depth, depth_base;        /* depth_base: where a directive began */
  int directive;                /* 0, 1: in a directive, 2: in a #define body */
} Scan;

static void
record_arg_piece (Scan *c, const Pieces *p)
{
  int d = c->depth - 1;
  if (d >= 64)
    {
      add_pieces (&c->s->pieces, p);  /* too deep to know: count it */
      return;
    }
  if (d < c->depth_base || !c->callee[d])
    return;                     /* not a macro argument */
  ArgPiece *a = NEW (ArgPiece);
  a->callee = xstrndup (c->callee[d], c->callee_n[d]);
  a->p = *p;
  vec_push (&c->s->arg_pieces, a);
}

/* The paste analysis of a token of a project file that is a piece (PIECE
   not NULL), follows one or begins a #define body.  */
static void
paste_token (Scan *c, enum tok t, const Pieces *piece)
{
  /* The previous identifier was last in an argument, or before ##.  */
  if (c->pending & PREV_PIECE)
    {
      if ((t == T_COMMA || t == T_RPAREN) && !c->prev_arg_start)
        record_arg_piece (c, &c->prev_pieces);
      if (t == T_PASTE)
        add_pieces (&c->s->pieces, &c->prev_pieces);
    }
  bool arg_start = c->prev == T_LPAREN || c->prev == T_COMMA;
  if (piece)
    {
      if (c->prev == T_PASTE || (c->pending & BODY_FIRST))
        add_pieces (&c->s->pieces, piece);
      if (arg_start)
        record_arg_piece (c, piece);
      c->prev_pieces = *piece;  /* read only while PREV_PIECE */
    }
  c->pending = piece ? PREV_PIECE : 0;
  c->prev_arg_start = arg_start;
}

/* A token T (an identifier: ID[0..IDN)) of a project file.  The common
   token is neither a piece nor after one: it only becomes the previous
   token.  */
static inline void
token (Scan *c, enum tok t, const char *id, size_t idn, const Pieces *piece)
{
  if (piece || c->pending)
    paste_token (c, t, piece);
  if (t == T_LPAREN)
    {
      if (c->depth < 64)
        {
          c->callee[c->depth] = c->prev == T_IDENT ? c->prev_id : NULL;
          c->callee_n[c->depth] = c->prev_idn;
        }
      c->depth++;
    }
  else if (t == T_RPAREN && c->depth > c->depth_base)
    c->depth--;
  c->prev = t;
  if (t == T_IDENT)
    {
      c->prev_id = id;          /* read only while prev is T_IDENT */
      c->prev_idn = idn;
    }
}

/* The end of a directive line: the last token of a #define body is a
   paste operand too.  */
static void
end_directive (Scan *c)
{
  if (c->directive == 2 && c->user && (c->pending & PREV_PIECE))
    add_pieces (&c->s->pieces, &c->prev_pieces);
  c->directive = 0;
  c->depth = c->depth_base;
  c->depth_base = 0;
  c->prev = T_NONE;
  c->pending = 0;
}

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* #define NAME(PARAMS) BODY: record it; the body is then scanned as
   tokens.  Returns where the body starts.  */
static const char *
define (Scan *c, const char *p)
{
  const char *end = c->end;
  p = skip_blanks (p, end);
  const char *name = p;
  while (p < end && ident_char (*p))
    p++;
  if (p == name)
    return p;
  size_t nn = p - name;
  const char *params = NULL;
  if (p < end && *p == '(')
    {
      const char *close = memchr (p, ')', end - p);
      const char *nl = memchr (p, '\n', end - p);
      if (!close || (nl && nl < close))
        return p;               /* malformed: the compiler will say so */
      params = xstrndup (p + 1, close - p - 1);
      p = close + 1;
    }
  const char *nl = p < end ? memchr (p, '\n', end - p) : NULL;
  const char *body_end = nl ? nl : end;
  Macro *m = NEW (Macro);
  m->name = xstrndup (name, nn);
  m->params = params;
  m->body = xstrndup (p, body_end - p);
  const char *dg = find2 (p, body_end - p, '%', ':');
  m->pastes = find2 (p, body_end - p, '#', '#')
              || (dg && memmem (dg, body_end - dg, "%:%:", 4));
  vec_push (&c->s->macros, m);
  c->directive = 2;
  c->pending |= BODY_FIRST;
  c->prev = T_NONE;
  return p;
}

/* After `#` at the start of a line.  Returns where to scan on.  */
static const char *
directive (Scan *c, const char *p)
{
  Screen *s = c->s;
  const char *end = c->end;
  c->directive = 1;
  c->depth_base = c->depth;
  p = skip_blanks (p, end);
  const char *name = p;
  while (p < end && ident_char (*p))
    p++;
  size_t n = p - name;
  if (n == 6 && !memcmp (name, "define", 6))
    return define (c, p);
  if (!((n == 7 && !memcmp (name, "include", 7))
        || (n == 12 && !memcmp (name, "include_next", 12))
        || (n == 6 && !memcmp (name, "import", 6))))
    return name;                /* scan the name as a word too: #pragma ...  */
  p = skip_blanks (p, end);
  char close = p < end && *p == '"' ? '"' : p < end && *p == '<' ? '>' : 0;
  if (!close)
    {
      /* #include MACRO ...: expanded once every file is read.  */
      const char *m = p;
      const char *nl = memchr (p, '\n', end - p);
      p = nl ? nl : end;
      const char *e = p;
      while (e > m && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
      if (e == m)
        needs_lowering (s, c->path, c->text, m, "an empty #include");
      else
        {
          Computed *k = NEW (Computed);
          k->name = xstrndup (m, e - m);
          k->from = c->path;
          vec_push (&s->computed, k);
        }
      return m;
    }
  const char *hn = ++p;
  while (p < end && *p != close && *p != '\n')
    p++;
  if (p >= end || *p != close)
    return p;                   /* malformed: the compiler will say so */
  follow_include (s, c->path, hn, p - hn);
  return p + 1;
}

/* The scanner reads past the end of the text: PAD zero bytes follow it,
   so a look ahead needs no bounds check (a zero byte at the end stops
   every loop).  */
enum { PAD = 16 };

/* "/ *" at P: past the comment's end.  Sets *NEWLINE if it spans lines.  */
static const char *
skip_comment (const char *p, const char *end, bool *newline)
{
  /* "* /" found by its '/', rarer in comments than '*'.  */
  const char *q = p + 3;
  while (q < end && (q = memchr (q, '/', end - q)) && q[-1] != '*')
    q++;
  const char *e = q && q < end ? q + 1 : end;
  if (newline)
    *newline = memchr (p, '\n', e - p) != NULL;
  return e;
}

/* A character or string literal at P: past it.  It ends at its quote or,
   unterminated, at the end of the line (`#error don't`).  */
static const char *
skip_literal (const char *p, const char *end)
{
  char quote = *p++;
  while (p < end && *p != quote && *p != '\n')
    p += (*p == '\\' && p + 1 < end && p[1] != '\n') ? 2 : 1;
  return p < end && *p == quote ? p + 1 : p;
}

/* A pp-number at P, digit separators and exponent signs included: past
   it.  */
static const char *
skip_number (const char *p)
{
  p++;
  for (;;)
    {
      if ((*p == '+' || *p == '-') && strchr ("eEpP", p[-1]))
        p++;
      else if (ident_char (*p) || *p == '.'
               || (*p == '\'' && ident_char (p[1])))
        p++;
      else
        return p;
    }
}

/* Does identifier W[0..N), followed by P, send the file to the front
   end: a word, a raw string's prefix, a universal character name?  */
static bool
odd_identifier (Scan *c, const char *w, size_t wn, const char *p)
{
  Screen *s = c->s;
  if (screen_word (s, w, wn))
    {
      Buf b = { 0 };
      buf_printf (&b, "'%.*s'", (int) wn, w);
      needs_lowering (s, c->path, c->text, w, b.s);
      free (b.s);
      return true;
    }
  if (*p == '"' && w[wn - 1] == 'R'
      && (wn == 1 || (wn == 2 && strchr ("LuU", w[0]))
          || (wn == 3 && !memcmp (w, "u8", 2))))
    {
      needs_lowering (s, c->path, c->text, w, "a raw string literal");
      return true;
    }
  if (*p == '\\' && (p[1] == 'u' || p[1] == 'U'))
    {
      needs_lowering (s, c->path, c->text, w,
                      "a universal character name in an identifier");
      return true;
    }
  return false;
}

/* Could identifier W[0..N), followed by P, matter at all?  */
static inline bool
may_matter (bool user, const char *w, size_t n, const char *p)
{
  unsigned first = word_edge[(unsigned char) w[0]];
  if (word_edge[(unsigned char) *p] & ODD_NEXT)
    return true;
  if (n > 5)
    return n <= 11 && (first & STARTS_WORD);
  return (n == 5 && (first & STARTS_WORD))
         || (user && ((first & STARTS_PIECE)
                      || (word_edge[(unsigned char) w[n - 1]] & ENDS_PIECE)));
}

/* The paste analysis is for project files only: system headers have
   no token bookkeeping at all.  */
#define TOKEN(t, id, idn, piece)                                        \
  do                                                                    \
    if (user)                                                           \
      token (c, t, id, idn, piece);                                     \
  while (0)

/* Scan one file's text for the words, the paste operands (USER: a
   project file), the macros and the files it includes.  */
static inline __attribute__ ((always_inline)) void
scan_tokens (Scan *c, const bool user)
{
  Screen *s = c->s;
  const char *text = c->text, *p = text, *end = c->end;
  bool line_start = true;
  const char *tri = find2 (text, end - text, '?', '?');
  while (tri && (tri + 2 >= end || tri[2] != '/'))
    tri = find2 (tri + 1, end - tri - 1, '?', '?');
  if (tri)
    {
      needs_lowering (s, c->path, text, tri, "a trigraph line splice");
      return;
    }
  for (;;)
    {
      bool at_line_start = line_start;
      switch (byte_kind[(unsigned char) *p])
        {
        case K_BLANK:
          do
            p++;
          while (byte_kind[(unsigned char) *p] == K_BLANK);
          continue;
        case K_NEWLINE:
          if (c->directive)
            end_directive (c);
          line_start = true;
          do                    /* and the indentation, without a dispatch */
            p++;
          while (byte_kind[(unsigned char) *p] == K_BLANK);
          continue;
        case K_NUL:
          if (p >= end)
            {
              if (c->directive)
                end_directive (c);
              return;
            }
          TOKEN (T_OTHER, NULL, 0, NULL);
          p++;
          break;
        case K_SLASH:
          if (p[1] == '*')
            {
              /* A comment is whitespace; one that spans lines may end in
                 front of a directive.  */
              bool newline = false;
              p = skip_comment (p, end, at_line_start || c->directive
                                        ? NULL : &newline);
              line_start = at_line_start || newline;
              continue;
            }
          if (p[1] == '/')
            {
              const char *e = memchr (p, '\n', end - p);
              p = e ? e : end;
              break;
            }
          TOKEN (T_OTHER, NULL, 0, NULL);
          p++;
          break;
        case K_HASH:
          if (p[1] == '#')
            {
              TOKEN (T_PASTE, NULL, 0, NULL);
              p += 2;
              break;
            }
          if (at_line_start)
            {
              if (c->directive)
                end_directive (c);
              p = directive (c, p + 1);
              if (s->reason)
                return;
              break;
            }
          TOKEN (T_OTHER, NULL, 0, NULL);
          p++;
          break;
        case K_PERCENT:
          if (!memcmp (p, "%:%:", 4))
            {
              TOKEN (T_PASTE, NULL, 0, NULL);
              p += 4;
              break;
            }
          TOKEN (T_OTHER, NULL, 0, NULL);
          p++;
          break;
        case K_QUOTE:
          p = skip_literal (p, end);
          TOKEN (T_OTHER, NULL, 0, NULL);
          break;
        case K_DOT:
          if (!(p[1] >= '0' && p[1] <= '9'))
            {
              TOKEN (T_OTHER, NULL, 0, NULL);
              p++;
              break;
            }
          /* fall through */
        case K_DIGIT:
          p = skip_number (p);
          TOKEN (T_OTHER, NULL, 0, NULL);
          break;
        case K_IDENT:
          {
            const char *w = p++;
            /* Two bytes a step: most of the bytes read are identifiers'.  */
            while (ident_char (p[0]) && ident_char (p[1]))
              p += 2;
            p += ident_char (*p);
            size_t wn = p - w;
            const Pieces *piece = NULL;
            if (may_matter (user, w, wn, p))
              {
                if (odd_identifier (c, w, wn, p))
                  return;
                if (user)
                  piece = piece_of (w, wn);
              }
            TOKEN (T_IDENT, w, wn, piece);
            break;
          }
        case K_BACKSLASH:
          if (p[1] == 'u' || p[1] == 'U')
            {
              needs_lowering (s, c->path, text, p,
                              "a universal character name in an identifier");
              return;
            }
          TOKEN (T_OTHER, NULL, 0, NULL);
          p++;
          break;
        case K_LPAREN:
          TOKEN (T_LPAREN, NULL, 0, NULL);
          p++;
          break;
        case K_RPAREN:
          TOKEN (T_RPAREN, NULL, 0, NULL);
          p++;
          break;
        case K_COMMA:
          TOKEN (T_COMMA, NULL, 0, NULL);
          p++;
          break;
        default:
          TOKEN (T_OTHER, NULL, 0, NULL);
          p++;
          break;
        }
      line_start = false;
    }
}

#undef TOKEN

/* Two copies of the scanner: with and without the paste analysis.  */
static void
scan_project_file (Scan *c)
{
  scan_tokens (c, true);
}

static void
scan_system_header (Scan *c)
{
  scan_tokens (c, false);
}

static bool
is_system_path (Screen *s, const char *path)
{
  for (int i = s->first_system; i < s->dirs.n; i++)
    {
      const char *d = s->dirs.v[i];
      size_t dn = strlen (d);
      if (!strncmp (path, d, dn) && path[dn] == '/')
        return true;
    }
  return false;
}

/* Read the file FD of SIZE bytes into S->buf (one buffer for every file:
   its pages are touched once), PAD zero bytes after it.  Returns the
   length read.  */
static size_t
read_text (Screen *s, int fd, size_t size)
{
  if (size + PAD > s->buf_cap)
    {
      free (s->buf);
      s->buf_cap = size + PAD;
      s->buf = malloc (s->buf_cap);
      if (!s->buf)
        {
          s->buf_cap = 0;
          return (size_t) -1;
        }
    }
  size_t got = 0;
  while (got < size)
    {
      ssize_t r = read (fd, s->buf + got, size - got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      got += r;
    }
  return got;
}

static void
scan_text (Screen *s, const char *path, bool main_file, char *text, size_t n)
{
  join_lines (text, n);
  memset (text + n, 0, PAD);
  Scan c = { .s = s, .path = path };
  c.user = main_file || !is_system_path (s, path);
  c.text = text;
  c.end = text + n;
  if (c.user)
    scan_project_file (&c);
  else
    scan_system_header (&c);
}

static void
scan_file (Screen *s, const char *path, bool main_file)
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
  /* Read, never mapped: a mapped file that another process truncates
     while it is scanned kills the scan with SIGBUS.  */
  size_t got = read_text (s, fd, st.st_size);
  close (fd);
  if (got == (size_t) -1)
    {
      needs_lowering (s, path, "", "", "too large");
      return;
    }
  scan_text (s, path, main_file, s->buf, got);
}

/* ---- after the scan: computed includes and pastes ---- */

/* `#include TOKENS`: the tokens are macro-expanded as the preprocessor
   would, with every definition of each macro (conditionals are not
   evaluated), and every header name that comes out is followed.  An
   expansion that is no header name but still holds an identifier that
   nothing defines cannot be included either (the compiler would stop
   there), so it is left alone; a macro the compiler may predefine
   (reserved names, linux, unix, i386), a paste, a string in a stringized
   argument, or too many alternatives send the file to the front end.  */

typedef struct Hide { const char *name; size_t n; struct Hide *next; } Hide;

typedef struct PPTok {
  const char *p;
  size_t n;
  bool space;                   /* blanks before it */
  Hide *hide;                   /* macros it may not expand again */
} PPTok;

typedef struct TokList { PPTok *v; int n, cap; } TokList;

typedef struct Eval {
  Screen *s;
  const char *fail;             /* why the expansion cannot be followed */
  int budget;                   /* expansions left */
  Vec results;                  /* TokList *: the fully expanded lines */
} Eval;

static void
tok_push (TokList *l, PPTok t)
{
  if (l->n == l->cap)
    {
      int cap = l->cap ? 2 * l->cap : 16;
      PPTok *v = xalloc (cap * sizeof *v);
      if (l->n)
        memcpy (v, l->v, l->n * sizeof *v);
      l->v = v;
      l->cap = cap;
    }
  l->v[l->n++] = t;
}

static void
tok_append (TokList *l, const TokList *from, int first, int last)
{
  for (int i = first; i < last; i++)
    tok_push (l, from->v[i]);
}

/* The preprocessing tokens of P[0..END); comments are blanks.  */
static void
tokenize (const char *p, const char *end, TokList *out)
{
  bool space = false;
  while (p < end)
    {
      unsigned char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
          || c == '\v')
        {
          space = true;
          p++;
          continue;
        }
      if (c == '/' && p + 1 < end && (p[1] == '*' || p[1] == '/'))
        {
          const char *q = p[1] == '*' ? memmem (p + 2, end - p - 2, "*/", 2) : NULL;
          p = q ? q + 2 : end;
          space = true;
          continue;
        }
      const char *q = p + 1;
      if (ident_start (c) || (c >= '0' && c <= '9'))
        while (q < end && (ident_char (*q) || *q == '.'
                           || ((*q == '+' || *q == '-') && strchr ("eEpP", q[-1])
                               && !ident_start (c))))
          q++;
      else if (c == '"' || c == '\'')
        {
          while (q < end && *q != c && *q != '\n')
            q += *q == '\\' && q + 1 < end ? 2 : 1;
          q += q < end && *q == c;
        }
      else if (c == '#' && q < end && *q == '#')
        q++;
      tok_push (out, (PPTok) { p, q - p, space, NULL });
      space = false;
      p = q;
    }
}

static bool
pp_is (const PPTok *t, const char *w)
{
  return t->n == strlen (w) && !memcmp (t->p, w, t->n);
}

static bool
hidden (const Hide *h, const PPTok *t)
{
  for (; h; h = h->next)
    if (h->n == t->n && !memcmp (h->name, t->p, t->n))
      return true;
  return false;
}

/* Could the compiler define NAME without the file or the command line
   saying so?  */
static bool
maybe_predefined (const PPTok *t)
{
  static const char *const old_names[] = { "linux", "unix", "i386", NULL };
  if (t->n >= 2 && t->p[0] == '_' && (t->p[1] == '_' || (t->p[1] >= 'A' && t->p[1] <= 'Z')))
    return true;
  for (int i = 0; old_names[i]; i++)
    if (pp_is (t, old_names[i]))
      return true;
  return false;
}

static Macro *macros_named (Screen *s, const char *p, size_t n);

static bool
defined_anywhere (Screen *s, const PPTok *t)
{
  return macros_named (s, t->p, t->n) != NULL;
}

/* The arguments of the call whose '(' is IN[OPEN]: ARGS[k] is the first
   token of argument k, ARGS[k + 1] - 1 its end (the comma or ')').
   Returns the index of the ')', or -1.  */
static int
call_args (const TokList *in, int open, int *args, int max, int *nargs)
{
  int depth = 0, n = 0;
  args[n++] = open + 1;
  for (int i = open; i < in->n; i++)
    {
      const PPTok *t = &in->v[i];
      if (t->n != 1)
        continue;
      if (*t->p == '(')
        depth++;
      else if (*t->p == ')' && --depth == 0)
        {
          args[n] = i + 1;
          *nargs = n;
          return i;
        }
      else if (*t->p == ',' && depth == 1)
        {
          if (n == max)
            return -1;
          args[n++] = i + 1;
        }
    }
  return -1;
}

/* The parameter names of M: PARAMS[k], the last one __VA_ARGS__ for
   `...`.  Returns their number; -1 if too many.  */
static int
macro_params (const Macro *m, PPTok *params, int max, bool *variadic)
{
  TokList l = { 0 };
  tokenize (m->params, m->params + strlen (m->params), &l);
  int n = 0;
  *variadic = false;
  for (int i = 0; i < l.n; i++)
    {
      PPTok t = l.v[i];
      if (pp_is (&t, ","))
        continue;
      if (pp_is (&t, ".") || pp_is (&t, "..."))
        {
          /* `...` tokenizes as dots; `NAME...` names the variadic one.  */
          *variadic = true;
          if (n == 0 || !pp_is (&params[n - 1], "__VA_ARGS__"))
            {
              bool named = i > 0 && ident_start (*l.v[i - 1].p);
              if (!named)
                {
                  if (n == max)
                    return -1;
                  params[n++] = (PPTok) { "__VA_ARGS__", 11, false, NULL };
                }
            }
          while (i + 1 < l.n && pp_is (&l.v[i + 1], "."))
            i++;
          continue;
        }
      if (n == max)
        return -1;
      params[n++] = t;
    }
  return n;
}

static void expand (Eval *e, TokList *in, int from, int depth);

/* A call of M being substituted: the line so far, and what the body's
   parameters stand for.  */
typedef struct Subst {
  const Macro *m;
  const TokList *in;            /* the line */
  int at, after;                /* the macro's name; past the ')' */
  Hide *hide;                   /* for the tokens of the body */
  TokList body;
  PPTok params[32];
  int nparams;
  TokList raw[32];              /* the arguments as written */
  Vec expanded[32];             /* TokList *: their expansions */
  int depth;
} Subst;

/* "the argument's spelling", or NULL if the screen cannot spell it.  */
static const char *
stringize (const TokList *arg, size_t *len)
{
  Buf b = { 0 };
  buf_add (&b, "\"", 1);
  for (int i = 0; i < arg->n; i++)
    {
      const PPTok *t = &arg->v[i];
      if (memchr (t->p, '"', t->n) || memchr (t->p, '\\', t->n))
        {
          free (b.s);
          return NULL;
        }
      if (i && t->space)
        buf_add (&b, " ", 1);
      buf_add (&b, t->p, t->n);
    }
  buf_add (&b, "\"", 1);
  *len = b.n;
  return buf_keep (&b);
}

static int
param_index (const Subst *x, const PPTok *t)
{
  if (!ident_start (*t->p))
    return -1;
  for (int k = 0; k < x->nparams; k++)
    if (x->params[k].n == t->n && !memcmp (x->params[k].p, t->p, t->n))
      return k;
  return -1;
}

/* Substitute the body from token BI on into ACC, one alternative per
   expansion of each argument; expand the line each alternative makes.  */
static void
substitute (Eval *e, Subst *x, int bi, TokList acc)
{
  for (; bi < x->body.n && !e->fail; bi++)
    {
      PPTok t = x->body.v[bi];
      if (pp_is (&t, "##"))
        {
          e->fail = "a paste";
          return;
        }
      int k = x->m->params && pp_is (&t, "#") && bi + 1 < x->body.n
              ? param_index (x, &x->body.v[bi + 1]) : -1;
      if (k >= 0)
        {
          size_t len;
          const char *str = stringize (&x->raw[k], &len);
          if (!str)
            {
              e->fail = "a stringized argument with quotes or backslashes";
              return;
            }
          tok_push (&acc, (PPTok) { str, len, t.space, x->hide });
          bi++;
          continue;
        }
      k = x->m->params ? param_index (x, &t) : -1;
      if (k < 0)
        {
          t.hide = x->hide;
          tok_push (&acc, t);
          continue;
        }
      /* A parameter: each expansion of its argument is an alternative.  */
      Vec *alts = &x->expanded[k];
      for (int a = 0; a < alts->n && !e->fail; a++)
        {
          TokList more = { 0 };
          tok_append (&more, &acc, 0, acc.n);
          TokList *arg = alts->v[a];
          for (int j = 0; j < arg->n; j++)
            {
              PPTok u = arg->v[j];
              if (j == 0)
                u.space = t.space;
              tok_push (&more, u);
            }
          substitute (e, x, bi + 1, more);
        }
      return;
    }
  if (e->fail)
    return;
  TokList line = { 0 };
  tok_append (&line, x->in, 0, x->at);
  int first = line.n;
  tok_append (&line, &acc, 0, acc.n);
  if (first < line.n)
    line.v[first].space = x->in->v[x->at].space;
  tok_append (&line, x->in, x->after, x->in->n);
  expand (e, &line, first, x->depth + 1);
}

/* Expand the call of M whose name is IN[AT].  */
static void
expand_call (Eval *e, const Macro *m, TokList *in, int at, int depth)
{
  Subst *x = NEW (Subst);
  x->m = m;
  x->in = in;
  x->at = at;
  x->after = at + 1;
  x->depth = depth;
  Hide *h = NEW (Hide);
  *h = (Hide) { m->name, strlen (m->name), in->v[at].hide };
  x->hide = h;
  tokenize (m->body, m->body + strlen (m->body), &x->body);
  if (m->params)
    {
      bool variadic;
      x->nparams = macro_params (m, x->params, 32, &variadic);
      int args[34], nargs;
      int close = x->nparams < 0 ? -1 : call_args (in, at + 1, args, 33, &nargs);
      if (close < 0)
        {
          e->fail = "a macro call it cannot read";
          return;
        }
      x->after = close + 1;
      int first[34], last[34];
      for (int k = 0; k < nargs; k++)
        {
          first[k] = args[k];
          last[k] = k == nargs - 1 ? close : args[k + 1] - 1;
        }
      if (nargs == 1 && first[0] == last[0] && x->nparams == 0)
        nargs = 0;              /* F () */
      if (variadic && nargs > x->nparams)
        {
          last[x->nparams - 1] = close;   /* __VA_ARGS__, commas and all */
          nargs = x->nparams;
        }
      if (variadic && nargs == x->nparams - 1)
        {
          first[nargs] = last[nargs] = close;     /* no variadic argument */
          nargs++;
        }
      if (nargs != x->nparams)
        {
          e->fail = "a macro call with the wrong number of arguments";
          return;
        }
      for (int k = 0; k < nargs; k++)
        {
          tok_append (&x->raw[k], in, first[k], last[k]);
          Eval sub = { .s = e->s, .budget = e->budget };
          TokList *copy = NEW (TokList);
          *copy = (TokList) { 0 };
          tok_append (copy, &x->raw[k], 0, x->raw[k].n);
          expand (&sub, copy, 0, depth + 1);
          e->budget = sub.budget;
          if (sub.fail)
            {
              e->fail = sub.fail;
              return;
            }
          x->expanded[k] = sub.results;
        }
    }
  substitute (e, x, 0, (TokList) { 0 });
}

/* Expand IN from token FROM on (the tokens before it are final); every
   fully expanded line goes to E->results.  */
static void
expand (Eval *e, TokList *in, int from, int depth)
{
  if (e->fail)
    return;
  if (depth > 100 || --e->budget < 0 || e->results.n >= 64)
    {
      e->fail = "an expansion too long to follow";
      return;
    }
  for (int i = from; i < in->n; i++)
    {
      PPTok *t = &in->v[i];
      if (!ident_start (*t->p) || hidden (t->hide, t))
        continue;
      bool called = false, left = false, defined = false;
      /* Every definition of the name, in the order of the files.  */
      for (Macro *m = macros_named (e->s, t->p, t->n); m && !e->fail;
           m = m->same_name)
        {
          defined = true;
          if (m->params && !(i + 1 < in->n && pp_is (&in->v[i + 1], "(")))
            left = true;        /* a function-like macro's name alone */
          else
            {
              called = true;
              expand_call (e, m, in, i, depth);
            }
        }
      if (e->fail)
        return;
      if (!defined && maybe_predefined (t))
        {
          e->fail = "a macro the compiler may predefine";
          return;
        }
      if (left && called)
        expand (e, in, i + 1, depth + 1);
      if (called)
        return;
    }
  TokList *copy = NEW (TokList);
  *copy = (TokList) { 0 };
  tok_append (copy, in, 0, in->n);
  vec_push (&e->results, copy);
}

/* Follow the header a fully expanded #include line names.  */
static void
follow_expansion (Eval *e, const TokList *l, const char *from)
{
  if (l->n && *l->v[0].p == '"' && l->v[0].n >= 2 && l->v[0].p[l->v[0].n - 1] == '"')
    {
      follow_include (e->s, from, l->v[0].p + 1, l->v[0].n - 2);
      return;
    }
  if (l->n && pp_is (&l->v[0], "<"))
    {
      Buf b = { 0 };
      for (int i = 1; i < l->n; i++)
        {
          if (pp_is (&l->v[i], ">"))
            {
              follow_include (e->s, from, b.s ? b.s : "", b.n);
              free (b.s);
              return;
            }
          if (i > 1 && l->v[i].space)
            buf_add (&b, " ", 1);
          buf_add (&b, l->v[i].p, l->v[i].n);
        }
      free (b.s);
    }
  /* Not a header name: harmless only if the compiler stops there.  */
  for (int i = 0; i < l->n; i++)
    if (ident_start (*l->v[i].p) && !defined_anywhere (e->s, &l->v[i]))
      return;
  e->fail = "an expansion that is not a header name";
}

/* Follow `#include TOKENS` through every expansion of its macros.  */
static void
resolve_computed (Screen *s, Computed *k)
{
  static const char *const file_names[] = {
    "__FILE__", "__BASE_FILE__", "__FILE_NAME__", NULL
  };
  if (name_in (k->name, file_names))
    return;                     /* the file itself, or the main file */
  Eval e = { .s = s, .budget = 10000 };
  TokList line = { 0 };
  tokenize (k->name, k->name + strlen (k->name), &line);
  expand (&e, &line, 0, 0);
  for (int i = 0; i < e.results.n && !e.fail; i++)
    follow_expansion (&e, e.results.v[i], k->from);
  if (e.fail)
    {
      Buf r = { 0 };
      buf_printf (&r, "#include %s: %s", k->name, e.fail);
      s->reason = xstrndup (r.s, r.n);
      free (r.s);
    }
}

/* ---- which macros paste ---- */

/* Every definition, by name: an open-addressing table of chains, each in
   the order of the definitions.  */
static void
index_macros (Screen *s)
{
  if (s->by_name && s->indexed == s->macros.n)
    return;                     /* no definition since */
  s->indexed = s->macros.n;
  int cap = 64;
  while (cap < 2 * s->macros.n)
    cap *= 2;
  s->by_name = xalloc (cap * sizeof *s->by_name);
  s->by_name_cap = cap;
  for (int i = s->macros.n - 1; i >= 0; i--)
    {
      Macro *m = s->macros.v[i];
      unsigned h = name_hash (m->name, strlen (m->name)) & (cap - 1);
      while (s->by_name[h] && strcmp (s->by_name[h]->name, m->name))
        h = (h + 1) & (cap - 1);
      m->same_name = s->by_name[h];
      s->by_name[h] = m;
    }
}

static Macro *
macros_named (Screen *s, const char *p, size_t n)
{
  unsigned h = name_hash (p, n) & (s->by_name_cap - 1);
  for (; s->by_name[h]; h = (h + 1) & (s->by_name_cap - 1))
    if (!strncmp (s->by_name[h]->name, p, n) && !s->by_name[h]->name[n])
      return s->by_name[h];
  return NULL;
}

/* Does a macro named NAME paste: its body has ##, or names a macro that
   pastes, and so on?  A search of the macros its expansion can reach.  */
/* The next identifier in the text at *Q, which moves past it; NULL at
   the end.  *N gets its length.  */
static const char *
next_ident (const char **q, size_t *n)
{
  const char *p = *q;
  while (*p && !ident_start (*p))
    p++;
  if (!*p)
    return NULL;
  const char *w = p;
  while (ident_char (*p))
    p++;
  *q = p;
  *n = p - w;
  return w;
}

/* Is W[0..N) one of the names in PARAMS ("a, b, ...")?  */
static bool
is_param (const char *params, const char *w, size_t n)
{
  const char *p;
  size_t pn;
  for (const char *q = params; (p = next_ident (&q, &pn));)
    if (pn == n && !memcmp (p, w, n))
      return true;
  return false;
}

static bool
callee_pastes (Screen *s, const char *name)
{
  Vec work = { 0 };
  int epoch = ++s->epoch;
  for (Macro *m = macros_named (s, name, strlen (name)); m; m = m->same_name)
    {
      m->epoch = epoch;
      vec_push (&work, m);
    }
  for (int i = 0; i < work.n; i++)
    {
      Macro *m = work.v[i];
      if (m->pastes)
        return true;
      const char *w;
      size_t wn;
      for (const char *q = m->body; (w = next_ident (&q, &wn));)
        {
          /* A parameter called as a macro, `m(a, b)`: any macro may be
             passed in, a pasting one too.  */
          const char *after = q;
          while (*after == ' ' || *after == '\t')
            after++;
          if (*after == '(' && m->params && is_param (m->params, w, wn))
            return true;
          for (Macro *r = macros_named (s, w, wn); r; r = r->same_name)
            if (r->epoch != epoch)
              {
                r->epoch = epoch;
                vec_push (&work, r);
              }
        }
    }
  return false;
}

static bool
paste_can_make_keyword (Screen *s)
{
  Pieces all = s->pieces;
  for (int i = 0; i < s->arg_pieces.n; i++)
    add_pieces (&all, &((ArgPiece *) s->arg_pieces.v[i])->p);
  if (!pieces_paste (&all))
    return false;               /* not even counting every argument */
  bool any_paste = false;
  for (int i = 0; i < s->macros.n && !any_paste; i++)
    any_paste = ((Macro *) s->macros.v[i])->pastes;
  if (!any_paste)
    return false;               /* no ## anywhere: nothing is pasted */
  index_macros (s);
  all = s->pieces;
  for (int i = 0; i < s->arg_pieces.n; i++)
    {
      ArgPiece *a = s->arg_pieces.v[i];
      if (callee_pastes (s, a->callee))
        add_pieces (&all, &a->p);
    }
  return pieces_paste (&all);
}

/* ---- the compiler's own directories, cached ---- */

static uint64_t
fnv1a (uint64_t h, const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) p[i]) * 0x100000001b3ull;
  return h;
}

/* The full path of program NAME, as execvp would find it (a regular
   executable file on $PATH), or NULL; NAME with a '/' as it is.  */
char *
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
      struct stat st;
      if (access (b.s, X_OK) == 0 && stat (b.s, &st) == 0
          && S_ISREG (st.st_mode))
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
  return buf_keep (&b);
}

/* All of F, malloc'd (the caller frees it).  */
static char *
slurp_stream (FILE *f)
{
  Buf b = { 0 };
  buf_read (&b, f);
  return b.s ? b.s : calloc (1, 1);
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
  char *list = parse_search_list (out);
  free (out);
  return list;
}

/* A fact about the compiler CCV run with the options QARGS that costs a
   process to learn: from the cache, else ASK (ccv, qargs, arg), whose
   answer (NULL: none) is cached under TAG.  The key is the compiler's
   words, each program's path, size and time, the options, and the
   environment the compiler reads its directories from.  */
char *
compiler_fact (Vec *ccv, Vec *qargs, const char *tag,
               char *(*ask) (Vec *, Vec *, void *), void *arg)
{
  Buf key = { 0 };
  buf_printf (&key, "fact %s\n", tag);
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
  for (int i = 0; qargs && i < qargs->n; i++)
    buf_printf (&key, "arg %s\n", (const char *) qargs->v[i]);
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
    snprintf (file, sizeof file, "%s/%s-%016llx", dir, tag,
              (unsigned long long) fnv1a (0xcbf29ce484222325ull, key.s, key.n));
  if (file[0])
    {
      FILE *f = fopen (file, "rb");
      if (f)
        {
          char *c = slurp_stream (f);
          fclose (f);
          /* The cached key, a line "--", then the answer.  */
          if (!strncmp (c, key.s, key.n) && !strncmp (c + key.n, "--\n", 3))
            {
              char *answer = c + key.n + 3;
              answer = xstrndup (answer, strlen (answer));
              free (c);
              free (key.s);
              return answer;
            }
          free (c);
        }
    }
  char *answer = ask (ccv, qargs, arg);
  if (answer && file[0])
    {
      make_dirs (dir);
      char tmp[4300];
      snprintf (tmp, sizeof tmp, "%s.%ld.tmp", file, (long) getpid ());
      FILE *f = fopen (tmp, "wb");
      if (f)
        {
          bool ok = fwrite (key.s, 1, key.n, f) == key.n
                    && fputs ("--\n", f) >= 0 && fputs (answer, f) >= 0;
          if (fclose (f) == 0 && ok)
            rename (tmp, file);
          else
            remove (tmp);
        }
    }
  free (key.s);
  return answer;
}

static char *
ask_search_list (Vec *ccv, Vec *qargs, void *tcc)
{
  return query_search_list (ccv, qargs, tcc != NULL);
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
  return compiler_fact (ccv, &qargs, "include-dirs", ask_search_list,
                        tcc ? (void *) 1 : NULL);
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

/* -D NAME=VALUE of the command line, as macros.  */
static void
command_line_macros (Screen *s, Vec *args)
{
  for (int i = 0; i < args->n; i++)
    {
      const char *a = args->v[i];
      if (strncmp (a, "-D", 2))
        continue;
      const char *d = a[2] ? a + 2 : (i + 1 < args->n ? args->v[++i] : "");
      const char *eq = strchr (d, '=');
      const char *paren = strchr (d, '(');
      size_t nn = eq ? (size_t) (eq - d) : strlen (d);
      if (paren && paren < d + nn)
        nn = paren - d;
      Macro *m = NEW (Macro);
      m->name = xstrndup (d, nn);
      const char *close = paren ? strchr (paren, ')') : NULL;
      if (paren && paren == d + nn && close && (!eq || close < eq))
        m->params = xstrndup (paren + 1, close - paren - 1);
      m->body = eq ? eq + 1 : "1";
      m->pastes = strstr (m->body, "##") != NULL;
      vec_push (&s->macros, m);
    }
}

const char *
screen_source (Vec *ccv, Vec *args, const char *src, bool tcc)
{
  Screen s = { .tcc = tcc };
  if (!byte_class['a'])
    init_tables ();
  Vec forced = { 0 };
  if (!user_dirs (&s, args, &forced))
    return "an include option the screen does not follow";
  s.first_system = s.dirs.n;
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
  /* Environment directories (gcc lists them in its answer too; this
     keeps a cached answer right).  */
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
  command_line_macros (&s, args);
  consider (&s, src);
  if (!s.queue.n)
    return "cannot be read";
  for (int i = 0; i < forced.n; i++)
    {
      const char *f = forced.v[i];
      follow_include (&s, "./-include", f, strlen (f));
    }
  /* Scan until no #include MACRO adds a file.  */
  int scanned = 0, resolved = 0;
  while (!s.reason && (scanned < s.queue.n || resolved < s.computed.n))
    {
      for (; scanned < s.queue.n && !s.reason; scanned++)
        scan_file (&s, s.queue.v[scanned], scanned == 0);
      if (s.reason)
        break;
      /* A definition may come after the #include that uses it: resolve
         every computed include again once the queue is empty.  */
      int before = s.queue.n;
      if (s.computed.n)
        index_macros (&s);
      for (int i = 0; i < s.computed.n && !s.reason; i++)
        resolve_computed (&s, s.computed.v[i]);
      resolved = s.computed.n;
      if (s.queue.n == before)
        break;
    }
  free (s.buf);
  if (!s.reason && paste_can_make_keyword (&s))
    s.reason = "identifiers that a '##' macro could paste into a keyword";
  return s.reason;
}
