/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trace-report.c - `cdefer trace-report FILE.json`: reads the report that
   libcdefer's trace mode writes (CDEFER_TRACE=FILE.json), prints the top
   sites -- the most pending at once (defer piles), the longest held, the
   most time in bodies -- and the sites pending at exit, and writes an SVG
   chart of the first and the last (a page to open in a browser).

   The JSON reader takes any JSON; the report needs only objects, arrays,
   strings and integers from it.  */

#include "fe.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small JSON reader ---- */
typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } JKind;
typedef struct JVal JVal;
struct JVal {
  JKind kind;
  double num;
  unsigned long long u;         /* J_NUM: the value, if a non-negative integer */
  char *str;                    /* J_STR */
  int n;                        /* J_ARR, J_OBJ: the elements */
  JVal **v;
  char **keys;                  /* J_OBJ */
};

typedef struct { const char *p, *end; const char *err; } JIn;

static void
jskip (JIn *in)
{
  while (in->p < in->end && strchr (" \t\r\n", *in->p))
    in->p++;
}

static JVal *jparse (JIn *in, int depth);

static char *
jstring (JIn *in)
{
  if (in->p >= in->end || *in->p != '"')
    return in->err = "a string expected", NULL;
  in->p++;
  Buf b = { 0 };
  while (in->p < in->end && *in->p != '"')
    {
      char c = *in->p++;
      if (c != '\\')
        {
          buf_add (&b, &c, 1);
          continue;
        }
      if (in->p >= in->end)
        break;
      c = *in->p++;
      const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
      const char *k = strchr (from, c);
      if (k && c)
        buf_add (&b, to + (k - from), 1);
      else if (c == 'u' && in->end - in->p >= 4)
        {
          /* \uXXXX: ASCII as itself, anything else as '?' (names only) */
          char hex[5] = { in->p[0], in->p[1], in->p[2], in->p[3], 0 };
          long v = strtol (hex, NULL, 16);
          char ch = v > 0 && v < 0x80 ? (char) v : '?';
          buf_add (&b, &ch, 1);
          in->p += 4;
        }
      else
        return in->err = "a bad escape in a string", free (b.s), NULL;
    }
  if (in->p >= in->end)
    return in->err = "an unterminated string", free (b.s), NULL;
  in->p++;
  buf_add (&b, "", 1);
  return b.s;
}

static JVal *
jnew (JKind kind)
{
  JVal *v = xalloc (sizeof *v);
  v->kind = kind;
  return v;
}

static void
jpush (JVal *c, char *key, JVal *v)
{
  c->v = realloc (c->v, (c->n + 1) * sizeof *c->v);
  c->v[c->n] = v;
  if (c->kind == J_OBJ)
    {
      c->keys = realloc (c->keys, (c->n + 1) * sizeof *c->keys);
      c->keys[c->n] = key;
    }
  c->n++;
}

/* An array or object body after its opening bracket.  */
static JVal *
jcontainer (JIn *in, JKind kind, int depth)
{
  JVal *c = jnew (kind);
  char close = kind == J_ARR ? ']' : '}';
  jskip (in);
  if (in->p < in->end && *in->p == close)
    {
      in->p++;
      return c;
    }
  for (;;)
    {
      char *key = NULL;
      jskip (in);
      if (kind == J_OBJ)
        {
          if (!(key = jstring (in)))
            return NULL;
          jskip (in);
          if (in->p >= in->end || *in->p++ != ':')
            return in->err = "':' expected", NULL;
        }
      JVal *v = jparse (in, depth + 1);
      if (!v)
        return NULL;
      jpush (c, key, v);
      jskip (in);
      if (in->p < in->end && *in->p == ',')
        {
          in->p++;
          continue;
        }
      if (in->p < in->end && *in->p == close)
        {
          in->p++;
          return c;
        }
      return in->err = kind == J_ARR ? "',' or ']' expected"
                                     : "',' or '}' expected", NULL;
    }
}

static JVal *
jparse (JIn *in, int depth)
{
  jskip (in);
  if (in->p >= in->end)
    return in->err = "unexpected end of the file", NULL;
  if (depth > 64)
    return in->err = "nested too deeply", NULL;
  char c = *in->p;
  if (c == '{' || c == '[')
    {
      in->p++;
      return jcontainer (in, c == '{' ? J_OBJ : J_ARR, depth);
    }
  if (c == '"')
    {
      char *s = jstring (in);
      if (!s)
        return NULL;
      JVal *v = jnew (J_STR);
      v->str = s;
      return v;
    }
  static const char *const words[] = { "true", "false", "null" };
  for (int i = 0; i < 3; i++)
    if ((size_t) (in->end - in->p) >= strlen (words[i])
        && !memcmp (in->p, words[i], strlen (words[i])))
      {
        in->p += strlen (words[i]);
        JVal *v = jnew (i < 2 ? J_BOOL : J_NULL);
        v->num = i == 0;
        return v;
      }
  char *end;
  errno = 0;
  double d = strtod (in->p, &end);
  if (end == in->p || end > in->end)
    return in->err = "a value expected", NULL;
  JVal *v = jnew (J_NUM);
  v->num = d;
  if (*in->p != '-')
    v->u = strtoull (in->p, NULL, 10);
  in->p = end;
  return v;
}

static JVal *
jget (JVal *o, const char *key)
{
  for (int i = 0; o && o->kind == J_OBJ && i < o->n; i++)
    if (!strcmp (o->keys[i], key))
      return o->v[i];
  return NULL;
}

static unsigned long long
jnum (JVal *o, const char *key)
{
  JVal *v = jget (o, key);
  return v && v->kind == J_NUM ? v->u : 0;
}

static const char *
jstr (JVal *o, const char *key)
{
  JVal *v = jget (o, key);
  return v && v->kind == J_STR ? v->str : "?";
}

/* ---- the report ---- */
typedef struct Site {
  char *place;                  /* file:line:column (function) */
  unsigned long long registered, ran, max_pending, max_pending_thread,
    total_ns, max_ns, max_held_ns, pending;
} Site;

static Site *
read_sites (JVal *arr, int *n, bool pending)
{
  *n = arr && arr->kind == J_ARR ? arr->n : 0;
  Site *s = xalloc ((*n ? *n : 1) * sizeof *s);
  for (int i = 0; i < *n; i++)
    {
      JVal *o = arr->v[i];
      const char *file = jstr (o, "file"), *slash = strrchr (file, '/');
      Buf b = { 0 };
      buf_printf (&b, "%s:%llu:%llu (%s)", slash ? slash + 1 : file,
                  jnum (o, "line"), jnum (o, "column"), jstr (o, "function"));
      s[i].place = b.s;
      s[i].registered = jnum (o, "registered");
      s[i].ran = jnum (o, "ran");
      s[i].max_pending = jnum (o, "max_pending");
      s[i].max_pending_thread = jnum (o, "max_pending_thread");
      s[i].total_ns = jnum (o, "total_ns");
      s[i].max_ns = jnum (o, "max_ns");
      s[i].max_held_ns = jnum (o, "max_held_ns");
      s[i].pending = pending ? jnum (o, "pending") : 0;
    }
  return s;
}

/* Sorting by one field, largest first; ties in the report's order.  */
static size_t sort_field;
static int
by_field (const void *a, const void *b)
{
  const Site *x = *(Site *const *) a, *y = *(Site *const *) b;
  unsigned long long u = *(const unsigned long long *) ((const char *) x + sort_field);
  unsigned long long v = *(const unsigned long long *) ((const char *) y + sort_field);
  if (u != v)
    return u < v ? 1 : -1;
  return x < y ? -1 : x > y;
}

static Site **
sorted_by (Site *s, int n, size_t field)
{
  Site **p = calloc (n ? n : 1, sizeof *p);
  if (!p)
    abort ();
  for (int i = 0; i < n; i++)
    p[i] = &s[i];
  sort_field = field;
  qsort (p, n, sizeof *p, by_field);
  return p;
}

static const char *
fmt_ns (unsigned long long ns)
{
  static char buf[4][32];
  static int k;
  char *b = buf[k++ % 4];
  if (ns < 1000)
    snprintf (b, 32, "%llu ns", ns);
  else if (ns < 1000000)
    snprintf (b, 32, "%.1f us", ns / 1e3);
  else if (ns < 1000000000)
    snprintf (b, 32, "%.1f ms", ns / 1e6);
  else
    snprintf (b, 32, "%.1f s", ns / 1e9);
  return b;
}

static void
print_report (Site *s, int n, Site *pend, int npend, int top)
{
  int k = n < top ? n : top;
  Site **p = sorted_by (s, n, offsetof (Site, max_pending));
  printf ("Most pending at once (defer piles: max_pending, all threads / one thread):\n");
  printf ("%12s %9s %12s %12s  %s\n", "max_pending", "(thread)", "registered",
          "ran", "site");
  for (int i = 0; i < k; i++)
    printf ("%12llu %9llu %12llu %12llu  %s\n", p[i]->max_pending,
            p[i]->max_pending_thread, p[i]->registered, p[i]->ran, p[i]->place);
  free (p);
  p = sorted_by (s, n, offsetof (Site, max_held_ns));
  printf ("\nLongest held (registration to run, max_held_ns):\n");
  printf ("%12s %12s  %s\n", "max_held", "registered", "site");
  for (int i = 0; i < k; i++)
    printf ("%12s %12llu  %s\n", fmt_ns (p[i]->max_held_ns), p[i]->registered,
            p[i]->place);
  free (p);
  p = sorted_by (s, n, offsetof (Site, total_ns));
  printf ("\nMost time in deferred bodies (total_ns):\n");
  printf ("%12s %12s %12s  %s\n", "total", "max", "ran", "site");
  for (int i = 0; i < k; i++)
    printf ("%12s %12s %12llu  %s\n", fmt_ns (p[i]->total_ns),
            fmt_ns (p[i]->max_ns), p[i]->ran, p[i]->place);
  free (p);
  printf ("\nPending at exit (registered, never run):%s\n", npend ? "" : " none");
  for (int i = 0; i < npend; i++)
    printf ("%12llu  %s\n", pend[i].pending, pend[i].place);
}

/* ---- the SVG chart ---- */
static void
svg_text (FILE *f, const char *s)
{
  for (; *s; s++)
    switch (*s)
      {
      case '<': fputs ("&lt;", f); break;
      case '>': fputs ("&gt;", f); break;
      case '&': fputs ("&amp;", f); break;
      case '"': fputs ("&quot;", f); break;
      default: fputc (*s, f);
      }
}

enum { SVG_W = 960, LABEL_W = 380, BAR_W = 460, ROW_H = 22 };

/* One horizontal bar chart of FIELD for the top K sites; returns the y
   after it.  */
static int
svg_chart (FILE *f, int y, const char *title, Site *s, int n, int k,
           size_t field, bool is_ns, const char *unit, const char *color)
{
  Site **p = sorted_by (s, n, field);
  if (k > n)
    k = n;
  fprintf (f, "<text x=\"10\" y=\"%d\" class=\"h\">", y + 16);
  svg_text (f, title);
  fputs ("</text>\n", f);
  y += 28;
  unsigned long long max = k ? *(unsigned long long *) ((char *) p[0] + field) : 0;
  for (int i = 0; i < k; i++)
    {
      unsigned long long v = *(unsigned long long *) ((char *) p[i] + field);
      double w = max ? (double) v / max * BAR_W : 0;
      char value[48];
      if (is_ns)
        snprintf (value, sizeof value, "%s", fmt_ns (v));
      else
        snprintf (value, sizeof value, "%llu%s", v, unit);
      fprintf (f, "<g><title>");
      svg_text (f, p[i]->place);
      fprintf (f, ": %llu%s</title>\n", v, is_ns ? " ns" : unit);
      fprintf (f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 8,
               y + 15);
      svg_text (f, p[i]->place);
      fprintf (f, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
               "fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s</text></g>\n",
               LABEL_W, y + 3, w < 1 && v ? 1.0 : w, ROW_H - 6, color,
               LABEL_W + (w < 1 ? 1 : w) + 6, y + 15, value);
      y += ROW_H;
    }
  if (!k)
    {
      fprintf (f, "<text x=\"%d\" y=\"%d\">no sites</text>\n", LABEL_W, y + 15);
      y += ROW_H;
    }
  free (p);
  return y + 16;
}

static bool
write_svg (const char *path, const char *name, Site *s, int n, int top)
{
  FILE *f = fopen (path, "w");
  if (!f)
    return false;
  int k = n < top ? n : top;
  int h = 2 * (28 + (k ? k : 1) * ROW_H + 16) + 60;
  fprintf (f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
           "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">\n"
           "<style>.h { font-weight: bold; font-size: 15px; }</style>\n"
           "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
           "<text x=\"10\" y=\"24\" class=\"h\">cdefer trace: ", SVG_W, h, SVG_W, h);
  svg_text (f, name);
  fprintf (f, "</text>\n");
  int y = 40;
  y = svg_chart (f, y, "Pending defers per site (most at once, all threads)",
                 s, n, top, offsetof (Site, max_pending), false, " pending",
                 "#d95f02");
  svg_chart (f, y, "Time in deferred bodies per site (total)", s, n, top,
             offsetof (Site, total_ns), true, "", "#1b9e77");
  fputs ("</svg>\n", f);
  return fclose (f) == 0;
}

static const char *trace_report_help =
  "usage: cdefer trace-report [--top=N] [-o CHART.svg] FILE.json\n"
  "\n"
  "Print the top sites of a trace report (a program built with trace mode\n"
  "and run with CDEFER_TRACE=FILE.json; docs/runtime.md): the most pending\n"
  "at once, the longest held, the most time in deferred bodies, and the\n"
  "sites pending at exit.  Writes an SVG chart (pending defers and time in\n"
  "bodies per site) to CHART.svg, by default FILE.svg.\n"
  "  --top=N    sites per list and chart (default 10)\n";

int
cmd_trace_report (int argc, char **argv)
{
  const char *in_path = NULL, *svg = NULL;
  int top = 10;
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (!strcmp (a, "--help") || !strcmp (a, "-h"))
        {
          fputs (trace_report_help, stdout);
          return 0;
        }
      if (!strcmp (a, "--version"))
        {
          print_version ();
          return 0;
        }
      if (!strncmp (a, "--top=", 6) && atoi (a + 6) > 0)
        top = atoi (a + 6);
      else if (!strcmp (a, "-o") && i + 1 < argc)
        svg = argv[++i];
      else if (a[0] == '-' || in_path)
        {
          fprintf (stderr, "cdefer trace-report: unexpected '%s'\n%s", a,
                   trace_report_help);
          return 2;
        }
      else
        in_path = a;
    }
  if (!in_path)
    {
      fputs (trace_report_help, stderr);
      return 2;
    }
  FILE *f = fopen (in_path, "r");
  if (!f)
    {
      fprintf (stderr, "cdefer trace-report: %s: %s\n", in_path, strerror (errno));
      return 2;
    }
  Buf in_text = { 0 };
  buf_read (&in_text, f);
  fclose (f);
  const char *text = in_text.s ? in_text.s : "";
  JIn jin = { text, text + in_text.n, NULL };
  JVal *root = jparse (&jin, 0);
  if (root)
    jskip (&jin);
  if (!root || jin.p != jin.end || !jget (root, "sites"))
    {
      fprintf (stderr, "cdefer trace-report: %s: not a cdefer trace report "
               "(%s at byte %ld)\n", in_path, jin.err ? jin.err : "no \"sites\"",
               (long) (jin.p - text));
      return 2;
    }
  int n, npend;
  Site *s = read_sites (jget (root, "sites"), &n, false);
  Site *pend = read_sites (jget (root, "pending_at_exit"), &npend, true);
  printf ("cdefer trace report %s: %d defer site%s, %llu thread%s, pid %llu\n",
          in_path, n, n == 1 ? "" : "s", jnum (root, "threads"),
          jnum (root, "threads") == 1 ? "" : "s", jnum (root, "pid"));
  print_report (s, n, pend, npend, top);
  Buf b = { 0 };
  if (!svg)
    {
      size_t len = strlen (in_path);
      if (len > 5 && !strcmp (in_path + len - 5, ".json"))
        len -= 5;
      buf_add (&b, in_path, len);
      buf_puts (&b, ".svg");
      svg = b.s;
    }
  if (!write_svg (svg, in_path, s, n, top))
    {
      fprintf (stderr, "cdefer trace-report: %s: %s\n", svg, strerror (errno));
      return 2;
    }
  printf ("\nChart: %s\n", svg);
  return 0;
}
