/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - the cdefer command line.

     cdefer lower [--model=go] [--lowering=portable|gnu] [-o OUT] FILE
     cdefer check [--model=go] FILES...
     cdefer cc [--via=lower|plugin] [--model=go] [--cc=COMPILER] ARGS...

   Exit status: 0 success, 1 errors in the input, 2 usage or I/O errors.
   A FILE ending in .i (or given with --preprocessed) is already
   preprocessed; anything else is run through COMPILER -E first.  */

#include "fe.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define VERSION "0.1.0"
#if defined __x86_64__
#define MULTIARCH "x86_64-linux-gnu"
#elif defined __aarch64__
#define MULTIARCH "aarch64-linux-gnu"
#else
#define MULTIARCH "."
#endif
#define VERSION_NUMBER "100"

static const char *self;          /* argv[0] resolved: where <stddefer.h> is */

int
usage_error (const char *fmt, const char *arg)
{
  fprintf (stderr, "cdefer: ");
  fprintf (stderr, fmt, arg);
  fprintf (stderr, "\nTry 'cdefer --help'.\n");
  return 2;
}

void
print_version (void)
{
  printf ("cdefer " VERSION " (front end; models go, ts; portable and gnu lowerings)\n");
}

static const char *main_help =
  "usage: cdefer COMMAND [OPTIONS] ...\n"
  "\n"
  "commands:\n"
  "  lower   lower C with defer/scope to plain C\n"
  "  check   report cdefer diagnostics only\n"
  "  cc      compiler driver: preprocess, lower, compile\n"
  "  migrate rewrite code toward defer and scope (a diff, or --write)\n"
  "  trace-report  the top sites of a trace report, and an SVG chart\n"
  "  compdb  adapt a compile_commands.json for clangd and other tools\n"
  "\n"
  "'cdefer COMMAND --help' describes each command.\n"
  "Exit status: 0 success, 1 errors in the input, 2 usage or I/O errors.\n";

static const char *lower_help =
  "usage: cdefer lower [--model=go|ts] [--lowering=portable|gnu] [-o OUT]\n"
  "                    [--cc=COMPILER] [-DNAME[=V]] [-IDIR] FILE\n"
  "\n"
  "Lower FILE (C with defer/scope) to plain C on stdout or in OUT.\n"
  "FILE ending in .i is taken as preprocessed; otherwise COMPILER -E\n"
  "(default cc) preprocesses it first.  Diagnostics as 'cdefer check'.\n"
  "  --preprocessed       FILE is already preprocessed\n"
  "  -Wno-cdefer-ID       turn warning ID off\n"
  "  -Werror=cdefer-ID    make warning ID an error\n"
  "  -Wno-error=cdefer-ID keep warning ID a warning under -Werror\n"
  "  -Werror              make every warning an error\n"
  "  -w                   no warnings\n"
  "  -fdiagnostics-parseable-fixits  print fix-it hints\n"
  "  --diagnostics-format=json       diagnostics as JSON (GCC 12 shape)\n"
  "  -fexceptions         the output is compiled with -fexceptions\n"
  "                       (pthread_exit and thrd_exit unwind)\n"
  "  --model=ts           ISO/IEC TS 25755 semantics (every block a scope)\n"
  "  --keywords=reserved  only _Defer and _Scope are keywords; defer and\n"
  "                       scope are always names\n"
  "  --trace              trace mode: calls into libcdefer (link -lcdefer)\n"
  "                       count and time each defer; CDEFER_TRACE=1 or\n"
  "                       =FILE.json reports at exit (docs/runtime.md)\n"
  "  --dump-core          print what the rule engine is told about each\n"
  "                       function (to compare with the plugin's)\n";

static const char *check_help =
  "usage: cdefer check [--model=go|ts] [--cc=COMPILER] [-D..] [-I..] FILES...\n"
  "\n"
  "Print the cdefer diagnostics for each FILE (GCC format); exit 1 if\n"
  "there are errors.  Options as for 'cdefer lower'.\n";

static const char *cc_help =
  "usage: cdefer cc [--via=lower|plugin] [--model=go|ts] [--cc=COMPILER]\n"
  "                 [--lowering=portable|gnu] [--always-lower] ARGS...\n"
  "\n"
  "A compiler driver: each .c source is preprocessed (COMPILER -E with\n"
  "-D__CDEFER__=" VERSION_NUMBER " -D__CDEFER_MODEL_GO__=1 and the -D/-U/-I/\n"
  "-include/-imacros/-M* options), lowered, and compiled with the other\n"
  "ARGS.  A source whose text and headers contain no defer, scope, _Defer,\n"
  "_Scope or cdefer is compiled as it is; --always-lower (or\n"
  "CDEFER_ALWAYS_LOWER=1) lowers it anyway.  --via=plugin runs\n"
  "COMPILER -fplugin=cdefer ARGS instead.  COMPILER defaults to $CC or cc.\n"
  "--trace compiles in trace mode (the plugin's -fplugin-arg-cdefer-trace;\n"
  "link with -lcdefer).\n"
  "A compiler as the first argument (launcher mode: `cdefer cc clang ...`)\n"
  "is used over --cc.  --version, -dumpversion, -print-* ... are answered\n"
  "by the compiler.  The compiler's exit status is kept.  CDEFER_VERBOSE=1 shows the\n"
  "commands and why each file was lowered or not.\n";

/* ---- the command line of lower, check and migrate (the options the
   passes read are in `opt`; Opts is in fe.h) ---- */

/* --model=NAME: false for an unknown model.  */
static bool
set_model (const char *name)
{
  if (!strcmp (name, "ts"))
    opt.model_ts = true;
  else if (!strcmp (name, "go"))
    opt.model_ts = false;
  else
    return false;
  return true;
}

static bool
starts (const char *s, const char *prefix)
{
  return !strncmp (s, prefix, strlen (prefix));
}

/* A warning-control option; true if it was one.  */
static bool
warning_option (const char *a)
{
  /* As GCC's options, the last one for an ID wins: -Werror=ID turns it
     on, -Wno-error=ID keeps it a warning under -Werror.  */
  if (starts (a, "-Wno-cdefer-"))
    {
      int id = diag_lookup (a + 12);
      if (id >= 0)
        opt.no_warn[id] = true;
      return true;
    }
  if (starts (a, "-Werror=cdefer-"))
    {
      int id = diag_lookup (a + 15);
      if (id >= 0)
        {
          opt.werror[id] = true;
          opt.no_warn[id] = opt.no_werror[id] = false;
        }
      return true;
    }
  if (starts (a, "-Wno-error=cdefer-"))
    {
      int id = diag_lookup (a + 18);
      if (id >= 0)
        {
          opt.no_werror[id] = true;
          opt.werror[id] = false;
        }
      return true;
    }
  if (!strcmp (a, "-Werror") || !strcmp (a, "-Wno-error"))
    {
      opt.werror_all = a[2] == 'e';
      return true;
    }
  if (!strcmp (a, "-w"))
    {
      opt.no_warnings = true;
      return true;
    }
  if (!strcmp (a, "-fdiagnostics-parseable-fixits"))
    {
      opt.parseable_fixits = true;
      return true;
    }
  if (!strcmp (a, "--diagnostics-format=json")
      || !strcmp (a, "-fdiagnostics-format=json"))
    {
      opt.json = true;
      return true;
    }
  if (!strcmp (a, "--diagnostics-format=text")
      || !strcmp (a, "-fdiagnostics-format=text"))
    {
      opt.json = false;
      return true;
    }
  return false;
}

/* The compiler cdefer runs when neither --cc nor launcher mode names one:
   $CC, or cc.  With CC="cdefer cc ..." (the usual way to put cdefer in a
   build) $CC is cdefer itself, and running it would run cdefer again for
   ever; a $CC in which any word up to the first option is this program
   is ignored.  */
static bool
word_is_this_program (const char *w, size_t n)
{
  char *name = xstrndup (w, n);
  char *path = find_program (name);
  bool same = false;
  struct stat a, b;
  if (path && stat (path, &a) == 0 && stat (self, &b) == 0)
    same = a.st_dev == b.st_dev && a.st_ino == b.st_ino;
  return same;                  /* NAME and PATH live in the arena */
}

static const char *
compiler_from_environment (void)
{
  const char *cc = getenv ("CC");
  if (!cc || !*cc)
    return "cc";
  for (const char *w = cc; *w;)
    {
      while (*w == ' ' || *w == '\t')
        w++;
      if (!*w || *w == '-')
        break;
      size_t n = strcspn (w, " \t");
      if (word_is_this_program (w, n))
        return "cc";
      w += n;
    }
  return cc;
}

/* A backstop for the loops the check above cannot see (a wrapper script
   named as the compiler that runs cdefer cc without --cc): every command
   cdefer runs gets CDEFER_DEPTH one higher, and cdefer refuses to start
   when it is already deep.  A few levels stay allowed: a wrapper that
   runs cdefer with an explicit --cc is a finite chain.  */
enum { MAX_CDEFER_DEPTH = 4 };

static int
cdefer_depth (void)
{
  const char *d = getenv ("CDEFER_DEPTH");
  return d ? atoi (d) : 0;
}

int
parse_opts (int argc, char **argv, Opts *o, const char *help, bool is_lower)
{
  o->cc = compiler_from_environment ();
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (!strcmp (a, "--help") || !strcmp (a, "-h"))
        {
          fputs (help, stdout);
          exit (0);
        }
      if (!strcmp (a, "--version"))
        {
          print_version ();
          exit (0);
        }
      if (starts (a, "--model="))
        {
          if (!set_model (a + 8))
            return usage_error ("unknown model '%s' (go, ts)", a + 8);
          continue;
        }
      if (starts (a, "--lowering="))
        {
          if (!strcmp (a + 11, "gnu"))
            o->gnu = true;
          else if (strcmp (a + 11, "portable"))
            return usage_error ("unknown lowering '%s' (portable, gnu)", a + 11);
          continue;
        }
      if (starts (a, "--cc="))
        {
          o->cc = a + 5;
          continue;
        }
      if (!strcmp (a, "--preprocessed"))
        {
          o->preprocessed = true;
          continue;
        }
      if (!strcmp (a, "--trace"))
        {
          opt.trace = true;
          continue;
        }
      if (starts (a, "--keywords="))
        {
          if (!strcmp (a + 11, "reserved"))
            opt.keywords_reserved = true;
          else if (!strcmp (a + 11, "contextual"))
            opt.keywords_reserved = false;
          else
            return usage_error ("unknown keywords '%s' (contextual, reserved)",
                                a + 11);
          continue;
        }
      if (!strcmp (a, "--dump-core"))
        {
          opt.dump_core = true;
          continue;
        }
      if (!strcmp (a, "-o") && is_lower)
        {
          if (++i >= argc)
            return usage_error ("%s needs an argument", "-o");
          o->out = argv[i];
          continue;
        }
      if (warning_option (a))
        continue;
      if (!strcmp (a, "-fexceptions") || !strcmp (a, "-fno-exceptions"))
        {
          opt.exceptions = a[2] == 'e';
          continue;
        }
      if (a[0] == '-' && (a[1] == 'D' || a[1] == 'U' || a[1] == 'I'))
        {
          vec_push (&o->cpp_args, (void *) a);
          if (!a[2] && i + 1 < argc)
            vec_push (&o->cpp_args, argv[++i]);
          continue;
        }
      if (!strcmp (a, "-include") || !strcmp (a, "-imacros")
          || !strcmp (a, "-isystem") || !strcmp (a, "-iquote"))
        {
          vec_push (&o->cpp_args, (void *) a);
          if (i + 1 < argc)
            vec_push (&o->cpp_args, argv[++i]);
          continue;
        }
      if (starts (a, "-std="))
        {
          vec_push (&o->cpp_args, (void *) a);
          continue;
        }
      if (a[0] == '-' && a[1])
        return usage_error ("unknown option '%s'", a);
      vec_push (&o->files, (void *) a);
    }
  return 0;
}

/* ---- running programs ---- */

/* Split a command string into words (no quoting: compilers' names and
   flags rarely need it).  */
static void
split_words (const char *s, Vec *v)
{
  while (*s)
    {
      while (*s == ' ' || *s == '\t')
        s++;
      const char *b = s;
      while (*s && *s != ' ' && *s != '\t')
        s++;
      if (s > b)
        vec_push (v, xstrndup (b, s - b));
    }
}

/* ---- temporary files: removed on every exit, also on a fatal signal ----

   Each is a name relative to a directory descriptor (AT_FDCWD for the
   private temporary directory), so an output temporary next to an -o
   file of any length can be named and removed.  The list is changed with
   the signals blocked, so the handler always sees it whole.  */
typedef struct Temp {
  int dirfd;
  const char *name;             /* NULL once renamed into place or gone */
  bool is_dir;
} Temp;

static Temp *temps[4096];
static volatile sig_atomic_t ntemps;
static char *tmpdir;            /* the private directory, once made */
static volatile pid_t child = 0; /* the program being run, for signals */
static const int fatal_signals[] = {
  SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ, SIGPIPE
};
#define NFATAL ((int) (sizeof fatal_signals / sizeof fatal_signals[0]))

static void
block_signals (bool block, sigset_t *old)
{
  sigset_t set;
  sigemptyset (&set);
  for (int i = 0; i < NFATAL; i++)
    sigaddset (&set, fatal_signals[i]);
  sigprocmask (block ? SIG_BLOCK : SIG_SETMASK, block ? &set : old,
               block ? old : NULL);
}

/* Register NAME (in DIRFD) for removal, once: a name used again (each
   file of `cdefer check` is preprocessed into the same input.i) keeps
   its entry.  Process memory, not a unit's: the signal handler reads it
   whenever it runs.  */
static Temp *
add_temp (int dirfd, const char *name, bool is_dir)
{
  for (int i = 0; i < ntemps; i++)
    if (temps[i]->name && temps[i]->dirfd == dirfd
        && !strcmp (temps[i]->name, name))
      return temps[i];
  Temp *t = malloc (sizeof *t);
  char *copy = strdup (name);
  if (!t || !copy)
    {
      perror ("cdefer");
      exit (2);
    }
  t->dirfd = dirfd;
  t->name = copy;
  t->is_dir = is_dir;
  sigset_t old;
  block_signals (true, &old);
  if (ntemps < (int) (sizeof temps / sizeof temps[0]))
    temps[ntemps++] = t;
  block_signals (false, &old);
  return t;
}

/* T stays (renamed into place): forget it.  */
static void
keep_temp (Temp *t)
{
  sigset_t old;
  block_signals (true, &old);
  const char *name = t->name;
  t->name = NULL;
  block_signals (false, &old);
  free ((char *) name);
}

/* Remove every temporary, newest first (files before their directory).
   Async-signal-safe: only unlinkat.  */
static void
remove_temps (void)
{
  for (int i = ntemps - 1; i >= 0; i--)
    if (temps[i]->name)
      {
        unlinkat (temps[i]->dirfd, temps[i]->name,
                  temps[i]->is_dir ? AT_REMOVEDIR : 0);
        temps[i]->name = NULL;
      }
}

/* Remove the temporaries and forget them (not from a signal handler).  */
static void
cleanup_temps (void)
{
  sigset_t old;
  block_signals (true, &old);
  for (int i = ntemps - 1; i >= 0; i--)
    {
      const char *name = temps[i]->name;
      if (name)
        unlinkat (temps[i]->dirfd, name, temps[i]->is_dir ? AT_REMOVEDIR : 0);
      free ((char *) name);
      free (temps[i]);
    }
  ntemps = 0;
  free (tmpdir);
  tmpdir = NULL;
  block_signals (false, &old);
}

/* SIGINT, SIGTERM, ...: stop the program being run (it may be writing
   into the temporary directory), remove the temporaries, then die of the
   same signal so the caller sees it.  */
static void
on_fatal_signal (int sig)
{
  int saved = errno;
  if (child > 0)
    {
      kill (child, sig);
      while (waitpid (child, NULL, 0) < 0 && errno == EINTR)
        ;
    }
  remove_temps ();
  signal (sig, SIG_DFL);
  sigset_t set;
  sigemptyset (&set);
  sigaddset (&set, sig);
  sigprocmask (SIG_UNBLOCK, &set, NULL);
  raise (sig);
  errno = saved;
}

/* Catch the fatal signals, except those the caller told us to ignore
   (nohup, a background job's SIGINT).  */
static void
catch_fatal_signals (void)
{
  for (int i = 0; i < NFATAL; i++)
    {
      struct sigaction sa, old;
      if (sigaction (fatal_signals[i], NULL, &old) == 0
          && old.sa_handler == SIG_IGN)
        continue;
      memset (&sa, 0, sizeof sa);
      sa.sa_handler = on_fatal_signal;
      sigemptyset (&sa.sa_mask);
      for (int j = 0; j < NFATAL; j++)
        sigaddset (&sa.sa_mask, fatal_signals[j]);
      sigaction (fatal_signals[i], &sa, NULL);
    }
  atexit (cleanup_temps);
}

/* In a child, before exec: the parent's handlers are not ours to run.  */
static void
default_fatal_signals (void)
{
  for (int i = 0; i < NFATAL; i++)
    {
      struct sigaction old;
      if (sigaction (fatal_signals[i], NULL, &old) == 0
          && old.sa_handler == on_fatal_signal)
        signal (fatal_signals[i], SIG_DFL);
    }
}

/* The private temporary directory, made on first use under $TMPDIR (of
   any length; else /tmp) and removed last.  */
static const char *
private_dir (void)
{
  if (tmpdir)
    return tmpdir;
  const char *base = getenv ("TMPDIR") && *getenv ("TMPDIR")
                     ? getenv ("TMPDIR") : "/tmp";
  Buf b = { 0 };
  buf_printf (&b, "%s/cdefer-XXXXXX", base);
  if (!mkdtemp (b.s))
    {
      fprintf (stderr, "cdefer: cannot create a temporary directory in "
               "%s: %s\n", base, strerror (errno));
      exit (2);
    }
  tmpdir = b.s;                 /* for the whole run: not in a unit */
  add_temp (AT_FDCWD, tmpdir, true);
  return tmpdir;
}

/* The path of NAME in the private directory, registered for removal;
   a directory when IS_DIR (made here).  */
static const char *
temp_name (const char *name, bool is_dir)
{
  Buf b = { 0 };
  buf_printf (&b, "%s/%s", private_dir (), name);
  char *p = xstrndup (b.s, b.n);
  free (b.s);
  if (is_dir && mkdir (p, 0700) < 0)
    {
      fprintf (stderr, "cdefer: %s: %s\n", p, strerror (errno));
      exit (2);
    }
  add_temp (AT_FDCWD, p, is_dir);
  return p;
}

const char *
temp_path (const char *name)
{
  return temp_name (name, false);
}

/* Run ARGV; stdout to OUT_FD if >= 0.  Returns the exit status (128+sig
   for a signal), or -1 (after saying why) if it could not be run.  */
static int
run (Vec *argv, int out_fd)
{
  vec_push (argv, NULL);
  argv->n--;
  if (getenv ("CDEFER_VERBOSE"))
    {
      for (int i = 0; i < argv->n; i++)
        fprintf (stderr, "%s%s", i ? " " : "", (char *) argv->v[i]);
      fputc ('\n', stderr);
    }
  fflush (NULL);
  /* exec's failure comes back through a close-on-exec pipe.  */
  int report[2];
  if (pipe (report) < 0)
    {
      fprintf (stderr, "cdefer: pipe: %s\n", strerror (errno));
      return -1;
    }
  fcntl (report[0], F_SETFD, FD_CLOEXEC);
  fcntl (report[1], F_SETFD, FD_CLOEXEC);
  sigset_t old;
  block_signals (true, &old);
  pid_t pid = fork ();
  if (pid == 0)
    {
      default_fatal_signals ();
      block_signals (false, &old);
      close (report[0]);
      if (out_fd >= 0)
        dup2 (out_fd, 1);
      char depth[16];
      snprintf (depth, sizeof depth, "%d", cdefer_depth () + 1);
      setenv ("CDEFER_DEPTH", depth, 1);
      execvp (argv->v[0], (char **) argv->v);
      int e = errno;
      if (write (report[1], &e, sizeof e) < 0)
        e = 0;
      _exit (127);
    }
  child = pid;
  block_signals (false, &old);
  close (report[1]);
  if (pid < 0)
    {
      close (report[0]);
      fprintf (stderr, "cdefer: cannot run '%s': %s\n",
               (char *) argv->v[0], strerror (errno));
      return -1;
    }
  int e = 0;
  ssize_t got;
  while ((got = read (report[0], &e, sizeof e)) < 0 && errno == EINTR)
    ;
  close (report[0]);
  int st;
  while (waitpid (pid, &st, 0) < 0)
    if (errno != EINTR)
      {
        child = 0;
        return -1;
      }
  child = 0;
  if (got == (ssize_t) sizeof e)
    {
      fprintf (stderr, "cdefer: cannot run '%s': %s\n",
               (char *) argv->v[0], strerror (e));
      return -1;
    }
  if (WIFEXITED (st))
    return WEXITSTATUS (st);
  return 128 + WTERMSIG (st);
}

/* ---- one translation unit ---- */
static int
read_file (const char *path)
{
  FILE *f = strcmp (path, "-") ? fopen (path, "rb") : stdin;
  if (!f)
    {
      fprintf (stderr, "cdefer: %s: %s\n", path, strerror (errno));
      return 2;
    }
  Buf b = { 0 };
  struct stat st;
  if (fstat (fileno (f), &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0)
    {
      b.cap = (size_t) st.st_size + 3;
      b.s = malloc (b.cap);
      if (!b.s)
        return 2;
    }
  char tmp[1 << 16];
  size_t n;
  while (b.cap && b.n + 2 < b.cap
         && (n = fread (b.s + b.n, 1, b.cap - b.n - 3, f)) > 0)
    b.n += n;
  while ((n = fread (tmp, 1, sizeof tmp, f)) > 0)
    buf_add (&b, tmp, n);
  bool err = ferror (f);
  if (f != stdin)
    fclose (f);
  if (err)
    {
      fprintf (stderr, "cdefer: %s: read error: %s\n", path, strerror (errno));
      return 2;
    }
  buf_add (&b, "\0\0", 2);     /* flex wants two NULs at the end */
  unit->text = b.s;
  unit->size = b.n - 2;
  return 0;
}

static bool
is_preprocessed_name (const char *p)
{
  size_t n = strlen (p);
  return !strcmp (p, "-") || (n > 2 && !strcmp (p + n - 2, ".i"));
}

/* The directory of cdefer's <stddefer.h> (model ts): installed next to
   the executable (BIN/../include/cdefer/ts), else the source tree's.  */
const char *
ts_include_dir (void)
{
  static char dir[4200];
  const char *slash = strrchr (self, '/');
  if (slash)
    {
      snprintf (dir, sizeof dir, "%.*s/../include/cdefer/ts/stddefer.h",
                (int) (slash - self), self);
      if (access (dir, R_OK) == 0)
        {
          *strrchr (dir, '/') = 0;
          return dir;
        }
    }
#ifdef CDEFER_SOURCE_TS_INCLUDE
  return CDEFER_SOURCE_TS_INCLUDE;
#else
  return NULL;
#endif
}

/* -Idir of <stddefer.h> for model ts, when there is one.  */
static void
push_ts_include (Vec *argv)
{
  const char *d = ts_include_dir ();
  if (d)
    {
      Buf b = { 0 };
      buf_printf (&b, "-I%s", d);
      vec_push (argv, xstrndup (b.s, b.n));
      free (b.s);
    }
}

/* The macros and include directory of the model, for COMPILER -E.  */
static void
model_cpp_args (Vec *argv)
{
  vec_push (argv, "-D__CDEFER__=" VERSION_NUMBER);
  if (opt.model_ts)
    {
      vec_push (argv, "-D__CDEFER_MODEL_TS__=1");
      vec_push (argv, "-D__STDC_DEFER_TS25755__=2");
      push_ts_include (argv);
    }
  else
    vec_push (argv, "-D__CDEFER_MODEL_GO__=1");
}

int
preprocess (Opts *o, const char *file, const char *out)
{
  Vec argv = { 0 };
  split_words (o->cc, &argv);
  vec_push (&argv, "-E");
  model_cpp_args (&argv);
  for (int i = 0; i < o->cpp_args.n; i++)
    vec_push (&argv, o->cpp_args.v[i]);
  vec_push (&argv, (void *) file);
  int fd = open (out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      fprintf (stderr, "cdefer: %s: %s\n", out, strerror (errno));
      return 2;
    }
  int rc = run (&argv, fd);
  close (fd);
  return rc < 0 ? 2 : rc == 0 ? 0 : 1;
}

/* Can the compiler of the words CCV be run?  If not, say why (SPEC 5:
   a usage error, exit 2) and return false.  */
static bool
compiler_usable (Vec *ccv, const char *who)
{
  const char *prog = ccv->n ? ccv->v[0] : "";
  char *path = *prog ? find_program (prog) : NULL;
  struct stat st;
  const char *why = NULL;
  if (!path)
    why = "not found in PATH";
  else if (stat (path, &st) < 0)
    why = strerror (errno);
  else if (S_ISDIR (st.st_mode))
    why = strerror (EISDIR);
  else if (!S_ISREG (st.st_mode) || access (path, X_OK) < 0)
    why = "not an executable file";
  if (why)
    fprintf (stderr, "%s: cannot run the C compiler '%s' (--cc or $CC): "
             "%s\n", who, prog, why);
  return !why;
}

/* FILE must be something to read: not a directory.  */
static bool
readable_input (const char *who, const char *file)
{
  struct stat st;
  if (strcmp (file, "-") && stat (file, &st) == 0 && S_ISDIR (st.st_mode))
    {
      fprintf (stderr, "%s: %s: %s\n", who, file, strerror (EISDIR));
      return false;
    }
  return true;
}

int
load (Opts *o, const char *file)
{
  if (!readable_input ("cdefer", file))
    return 2;
  if (o->preprocessed || is_preprocessed_name (file))
    return read_file (file);
  struct stat st;
  if (stat (file, &st) < 0)
    {
      fprintf (stderr, "cdefer: %s: %s\n", file, strerror (errno));
      return 2;
    }
  Vec ccv = { 0 };
  split_words (o->cc, &ccv);
  if (!compiler_usable (&ccv, "cdefer"))
    return 2;
  const char *pp = temp_path ("input.i");
  int rc = preprocess (o, file, pp);
  if (rc)
    return rc;
  return read_file (pp);
}

/* #pragma cdefer ignore before a statement: silence inside it.  */
static void
find_ignores (Node *n)
{
  if (T (n->first)->ignore)
    diag_ignore (n->first, n->last, T (n->first)->ignore - 1);
  for (int i = 0; i < n->kids.n; i++)
    find_ignores (n->kids.v[i]);
}

/* Parse, analyse, check.  Returns 0, or 1 when the input has errors.  */
int
front (void)
{
  if (lex_input () || parse_input ())
    return 1;
  for (int i = 0; unit->npragma_ignores && i < unit->functions.n; i++)
    if (!((Func *) unit->functions.v[i])->outer)
      find_ignores (((Func *) unit->functions.v[i])->node);
  /* Most functions use none of it: nothing to check or lower there.  */
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *f = unit->functions.v[i];
      if (!f->has_constructs)
        continue;
      analyse_function (f);
      check_function (f);
      if (f->needs_lowering)
        for (Func *g = f; g; g = g->outer)
          g->lower_inside = true;
    }
  if (opt.dump_core)
    dump_functions (stdout);
  return unit->errors ? 1 : 0;
}

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- output files: never half written, never over an input ---- */

/* Is PATH the same file as the regular file INPUT (device and inode, so
   links and other spellings count)?  */
static bool
same_file (const char *input, const char *path)
{
  struct stat a, b;
  return strcmp (input, "-") && strcmp (path, "-")
         && stat (input, &a) == 0 && S_ISREG (a.st_mode)
         && stat (path, &b) == 0 && a.st_dev == b.st_dev
         && a.st_ino == b.st_ino;
}

/* A new file in directory DIRFD with a short unique name (NAME_MAX
   allows it whatever the length of the final name), mode MODE.  */
static int
create_temp_in (int dirfd, char name[32], mode_t mode)
{
  static unsigned counter;
  for (int tries = 0; tries < 1000; tries++)
    {
      struct timespec ts;
      clock_gettime (CLOCK_REALTIME, &ts);
      unsigned long r = ((unsigned long) getpid () << 20)
                        ^ (unsigned long) ts.tv_nsec ^ (counter++ * 2654435761u);
      snprintf (name, 32, ".cdefer-%08lx", r & 0xffffffffUL);
      int fd = openat (dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                       mode);
      if (fd >= 0 || errno != EEXIST)
        return fd;
    }
  errno = EEXIST;
  return -1;
}

/* Open PATH for writing: "-" is standard output; a non-regular file
   (/dev/null, a pipe, a terminal) is written as it is; anything else
   through a temporary in the same directory that close_output renames
   into place.  False (after saying why) on failure.  */
bool
open_output (const char *path, Output *o)
{
  memset (o, 0, sizeof *o);
  o->path = path;
  o->dirfd = -1;
  o->fp = stdout;
  if (!strcmp (path, "-"))
    return true;
  struct stat st;
  bool exists = stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      fprintf (stderr, "cdefer: %s: %s\n", path, strerror (EISDIR));
      return false;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      o->fp = fopen (path, "wb");
      if (!o->fp)
        fprintf (stderr, "cdefer: %s: %s\n", path, strerror (errno));
      return o->fp != NULL;
    }
  const char *slash = strrchr (path, '/');
  o->base = slash ? slash + 1 : path;
  if (!*o->base)
    {
      fprintf (stderr, "cdefer: %s: %s\n", path, strerror (EISDIR));
      return false;
    }
  char *dir = slash ? xstrndup (path, slash == path ? 1 : slash - path) : ".";
  o->dirfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  char *name = xalloc (32);
  int fd = -1;
  if (o->dirfd >= 0)
    {
      /* Block the signals until the temporary is on the list.  */
      sigset_t old;
      block_signals (true, &old);
      fd = create_temp_in (o->dirfd, name, exists ? st.st_mode & 0777 : 0666);
      block_signals (false, &old);
      if (fd >= 0)
        o->temp = add_temp (o->dirfd, name, false);
    }
  if (fd >= 0 && exists)
    fchmod (fd, st.st_mode & 07777);    /* as if written in place */
  if (fd < 0 || !(o->fp = fdopen (fd, "wb")))
    {
      fprintf (stderr, "cdefer: %s: %s\n", path, strerror (errno));
      if (fd >= 0)
        close (fd);
      if (o->temp)
        unlinkat (o->dirfd, name, 0), keep_temp (o->temp);
      return false;
    }
  return true;
}

/* Finish the output of open_output: OK false (or a write error) drops
   it.  Returns 0, or 2 after a write error.  */
int
close_output (Output *o, bool ok)
{
  bool bad = o->fp == stdout ? fflush (stdout) != 0 : fclose (o->fp) != 0;
  if (bad)
    fprintf (stderr, "cdefer: %s: write error: %s\n", o->path,
             strerror (errno));
  if (o->temp)
    {
      const char *name = o->temp->name;
      if (ok && !bad && renameat (o->dirfd, name, o->dirfd, o->base) < 0)
        {
          fprintf (stderr, "cdefer: %s: %s\n", o->path, strerror (errno));
          bad = true;
        }
      if (!ok || bad)
        unlinkat (o->dirfd, name, 0);
      keep_temp (o->temp);
      close (o->dirfd);
    }
  return bad ? 2 : 0;
}

/* Lower FILE, a new unit, to O->out (or standard output).  */
static int
lower_unit (Opts *o, const char *file)
{
  int rc = load (o, file);
  if (rc)
    return rc;
  double t0 = now ();
  if (front ())
    return 1;
  Output out;
  if (!open_output (o->out ? o->out : "-", &out))
    return 2;
  int lr = lower_output (out.fp, o->gnu);
  if (getenv ("CDEFER_TIME"))
    {
      double t = now () - t0;
      fprintf (stderr, "cdefer: %zu bytes, %d tokens in %.3f s: %.1f MB/s\n",
               unit->size, unit->ntok, t, unit->size / t / 1e6);
    }
  if (lr < 0)
    fprintf (stderr, "cdefer: %s: write error\n", out.path);
  int cr = close_output (&out, lr == 0);
  return lr > 0 ? 1 : (lr < 0 || cr) ? 2 : 0;
}

static int
cmd_lower (int argc, char **argv)
{
  Opts o = { 0 };
  int rc = parse_opts (argc, argv, &o, lower_help, true);
  if (rc)
    return rc;
  if (o.files.n != 1)
    return usage_error ("%s", "lower wants exactly one FILE");
  const char *file = o.files.v[0];
  if (o.out && same_file (file, o.out))
    {
      fprintf (stderr, "cdefer: input file '%s' is the same as output "
               "file\n", file);
      return 2;
    }
  unit_open (file);
  rc = lower_unit (&o, file);
  unit_close ();
  return rc;
}

/* Check FILE, a new unit: 0, 1 (errors in it) or 2 (it cannot be read).  */
static int
check_unit (Opts *o, const char *file)
{
  unit_open (file);
  int rc = load (o, file);
  if (!rc)
    rc = front ();
  unit_close ();
  return rc;
}

/* Every file in turn, in this process: a unit each.  The worst status.  */
static int
cmd_check (int argc, char **argv)
{
  Opts o = { 0 };
  int rc = parse_opts (argc, argv, &o, check_help, false);
  if (rc)
    return rc;
  if (!o.files.n)
    return usage_error ("%s", "check wants FILES");
  int worst = 0;
  for (int i = 0; i < o.files.n; i++)
    {
      int r = check_unit (&o, o.files.v[i]);
      if (r > worst)
        worst = r;
    }
  return worst;
}

/* ---- cdefer cc ---- */

/* Options that take a separate argument, and where they go: to the -E
   step only, to both steps, or to the compile (and link) step only.  */
static bool
pp_only_with_arg (const char *a)
{
  static const char *const opts[] = {
    "-D", "-U", "-I", "-include", "-imacros", "-isystem", "-iquote",
    "-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore",
    "-imultilib", "-A", "-Xpreprocessor", "-MF", "-MT", "-MQ", NULL
  };
  return name_in (a, opts);
}

static bool
pp_only (const char *a)
{
  return (a[0] == '-' && (a[1] == 'D' || a[1] == 'U' || a[1] == 'I'))
         || starts (a, "-M") || starts (a, "-isystem") || starts (a, "-iquote")
         || starts (a, "-idirafter") || starts (a, "-Wp,");
}

/* The target and the toolchain: they change predefined macros too.  */
static bool
both_with_arg (const char *a)
{
  static const char *const opts[] = {
    "-target", "--sysroot", "-isysroot", "-B", "-Xclang", "-mllvm",
    "--config", "-resource-dir", "--gcc-toolchain", NULL
  };
  return name_in (a, opts);
}

static bool
comp_only_with_arg (const char *a)
{
  static const char *const opts[] = {
    "-Xlinker", "-L", "-l", "-T", "-u", "-z", "-e", "--param", "-aux-info",
    "-Xassembler", NULL
  };
  return name_in (a, opts);
}

/* Options for the link step only: kept from the -E step.  */
static bool
link_only (const char *a)
{
  static const char *const exact[] = {
    "-shared", "-static", "-pie", "-no-pie", "-static-pie", "-rdynamic",
    "-s", "-nostdlib", "-nostartfiles", "-nodefaultlibs", "-static-libgcc",
    "-shared-libgcc", "-symbolic", NULL
  };
  return name_in (a, exact) || starts (a, "-l") || starts (a, "-L")
         || starts (a, "-Wl,") || starts (a, "-fuse-ld=")
         || starts (a, "--ld-path=");
}

static bool
is_c_source (const char *a)
{
  size_t n = strlen (a);
  return a[0] != '-' && n > 2 && !strcmp (a + n - 2, ".c");
}

static const char *
base_name (const char *p)
{
  const char *s = strrchr (p, '/');
  return s ? s + 1 : p;
}

static char *
with_suffix (const char *p, const char *suffix)
{
  const char *b = base_name (p);
  const char *dot = strrchr (b, '.');
  size_t n = dot ? (size_t) (dot - p) : strlen (p);
  Buf r = { 0 };
  buf_add (&r, p, n);
  buf_puts (&r, suffix);
  return buf_keep (&r);
}

/* An input the compiler links but does not compile.  */
static bool
is_linker_input (const char *a)
{
  static const char *const ext[] = { ".o", ".a", ".so", ".lo", ".obj", NULL };
  const char *dot = strrchr (base_name (a), '.');
  return (dot && name_in (dot, ext)) || strstr (base_name (a), ".so.");
}

/* What gcc refuses before it writes anything (and clang and tcc do not):
   -o with -c/-S/-E and several files to compile, an output that is one
   of the inputs, a directory as a source.  2 after saying so, else 0.  */
static int
check_inputs (Vec *sources, Vec *others, const char *out, bool one_output)
{
  int compiled = sources->n;
  for (int i = 0; i < others->n; i++)
    compiled += !is_linker_input (others->v[i]);
  if (out && one_output && compiled > 1)
    {
      fprintf (stderr, "cdefer cc: cannot specify -o with -c, -S or -E with "
               "multiple files\n");
      return 2;
    }
  for (int k = 0; k < 2; k++)
    {
      Vec *v = k ? others : sources;
      for (int i = 0; i < v->n; i++)
        {
          if (out && same_file (v->v[i], out))
            {
              fprintf (stderr, "cdefer cc: input file '%s' is the same as "
                       "output file\n", (const char *) v->v[i]);
              return 2;
            }
          if (!k && !readable_input ("cdefer cc", v->v[i]))
            return 2;
        }
    }
  return 0;
}

/* Run the compiler CCV with ARGS; its standard output, for pclose.  */
static FILE *
ask_compiler (Vec *ccv, const char *args)
{
  Buf cmd = { 0 };
  for (int i = 0; i < ccv->n; i++)
    buf_printf (&cmd, "'%s' ", (const char *) ccv->v[i]);
  buf_printf (&cmd, "%s 2>/dev/null", args);
  FILE *p = popen (cmd.s, "r");
  free (cmd.s);
  return p;
}

/* Is the compiler GCC itself?  clang answers -print-file-name=plugin with
   GCC's directory, so ask the preprocessor who it is.  */
static bool
compiler_is_gcc (Vec *ccv)
{
  FILE *p = ask_compiler (ccv, "-E -dM -x c /dev/null");
  if (!p)
    return false;
  bool gnuc = false, other = false;
  char line[512];
  while (fgets (line, sizeof line, p))
    {
      if (starts (line, "#define __GNUC__ "))
        gnuc = true;
      if (starts (line, "#define __clang__ ") || starts (line, "#define __TINYC__ ")
          || starts (line, "#define __INTEL_COMPILER "))
        other = true;
    }
  return pclose (p) == 0 && gnuc && !other;
}

/* The answer to "where are your plugins?", for compiler_fact: the
   directory and a newline, or just a newline when CC is no GCC.  */
static char *
ask_plugin_dir (Vec *ccv, Vec *qargs, void *unused)
{
  (void) qargs, (void) unused;
  if (!compiler_is_gcc (ccv))
    return xstrndup ("\n", 1);
  FILE *p = ask_compiler (ccv, "-print-file-name=plugin");
  if (!p)
    return NULL;
  char line[4096] = "";
  if (!fgets (line, sizeof line, p))
    line[0] = '\0';
  int rc = pclose (p);
  line[strcspn (line, "\n")] = '\0';
  if (rc != 0)
    return NULL;                /* not an answer: ask again next time */
  if (line[0] != '/')
    return xstrndup ("\n", 1);  /* clang and others print the name back */
  Buf b = { 0 };
  buf_printf (&b, "%s\n", line);
  return buf_keep (&b);
}

/* The cdefer plugin installed for compiler CC: $CDEFER_PLUGIN, else
   cdefer.so in CC's own plugin directory (each GCC major has its own, so
   this is the plugin built for that very compiler).  NULL when CC has none
   (not a GCC, or the plugin is not installed for it); *DIR gets the
   directory looked in.  */
static char *
plugin_for_compiler (Vec *ccv, char **dir)
{
  *dir = NULL;
  const char *env = getenv ("CDEFER_PLUGIN");
  if (env && *env)
    return access (env, R_OK) == 0 ? xstrndup (env, strlen (env)) : NULL;
  /* Two compiler runs to learn it: cached (see screen.c).  */
  char *answer = compiler_fact (ccv, NULL, "plugin-dir", ask_plugin_dir, NULL);
  if (!answer || answer[0] != '/')
    return NULL;
  answer[strcspn (answer, "\n")] = '\0';
  *dir = answer;
  Buf so = { 0 };
  buf_printf (&so, "%s/cdefer.so", answer);
  if (access (so.s, R_OK) == 0)
    return buf_keep (&so);
  free (so.s);
  return NULL;
}

/* -Wno-cdefer-ID, -Werror=cdefer-ID, -Wno-error=cdefer-ID, --keywords=K
   in the plugin's spelling.  */
static const char *
plugin_option (const char *a)
{
  Buf b = { 0 };
  if (starts (a, "-Wno-cdefer-"))
    buf_printf (&b, "-fplugin-arg-cdefer-no-warn=%s", a + 12);
  else if (starts (a, "-Werror=cdefer-"))
    buf_printf (&b, "-fplugin-arg-cdefer-werror=%s", a + 15);
  else if (starts (a, "-Wno-error=cdefer-"))
    buf_printf (&b, "-fplugin-arg-cdefer-no-werror=%s", a + 18);
  else if (starts (a, "--keywords="))
    buf_printf (&b, "-fplugin-arg-cdefer-keywords=%s", a + 11);
  else if (!strcmp (a, "--trace"))
    buf_printf (&b, "-fplugin-arg-cdefer-trace");
  else
    return a;
  return buf_keep (&b);
}

/* Append ARG to OUT, expanding a response file `@FILE` as GCC does:
   arguments separated by white space, '...' and "..." group, a backslash
   escapes the next character; response files may nest.  An @FILE that
   cannot be read stays as it is (the compiler will say so).  */
static void
expand_response_file (const char *arg, Vec *out, int depth)
{
  FILE *f = arg[0] == '@' && depth < 16 ? fopen (arg + 1, "rb") : NULL;
  if (!f)
    {
      vec_push (out, (void *) arg);
      return;
    }
  Buf text = { 0 };
  buf_read (&text, f);
  fclose (f);
  const char *p = text.s ? text.s : "";
  for (;;)
    {
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'
             || *p == '\f' || *p == '\v')
        p++;
      if (!*p)
        break;
      Buf word = { 0 };
      char quote = 0;
      for (; *p; p++)
        {
          if (!quote && strchr (" \t\n\r\f\v", *p))
            break;
          if (*p == '\\' && p[1])
            buf_add (&word, ++p, 1);
          else if (quote && *p == quote)
            quote = 0;
          else if (!quote && (*p == '\'' || *p == '"'))
            quote = *p;
          else
            buf_add (&word, p, 1);
        }
      expand_response_file (xstrndup (word.s ? word.s : "", word.n), out,
                            depth + 1);
      free (word.s);
    }
  free (text.s);
}

/* Wrappers that run the compiler named after them (`ccache gcc`).  */
static bool
is_compiler_wrapper (const char *a)
{
  static const char *const names[] = {
    "ccache", "sccache", "distcc", "icecc", "buildcache", NULL
  };
  return name_in (base_name (a), names);
}

/* Could A be the compiler in launcher mode (`cdefer cc clang -c x.c`, as
   CMAKE_C_COMPILER_LAUNCHER runs it)?  Not an option, not a response
   file, no input file's suffix, and an executable on $PATH (or a path to
   one).  A file named like a compiler in the current directory is still
   taken as one only when it is executable, as the shell would.  */
static bool
names_compiler (const char *a)
{
  static const char *const inputs[] = {
    ".c", ".i", ".h", ".o", ".a", ".so", ".s", ".S", ".lo", ".obj", ".cc",
    ".cpp", ".cxx", ".C", ".m", ".ii", ".d", ".ld", ".lds", ".def", NULL
  };
  if (a[0] == '-' || a[0] == '@' || !a[0] || is_linker_input (a))
    return false;               /* libfoo.so.1 may be executable */
  const char *dot = strrchr (base_name (a), '.');
  if (dot && name_in (dot, inputs))
    return false;
  char *path = find_program (a);
  struct stat st;
  bool ok = path && stat (path, &st) == 0 && S_ISREG (st.st_mode)
            && access (path, X_OK) == 0;
  return ok;
}

/* The compiler's identity and its installation: answered by the
   compiler itself, so build systems (Meson, Autoconf, CMake) that ask
   `CC --version` or `CC -print-search-dirs` learn the real compiler.  */
static bool
asks_compiler_identity (Vec *args)
{
  static const char *const exact[] = {
    "--version", "-dumpversion", "-dumpfullversion", "-dumpmachine",
    "-dumpspecs", "-###", "--print-search-dirs", NULL
  };
  if (args->n == 1 && !strcmp (args->v[0], "-v"))
    return true;
  for (int i = 0; i < args->n; i++)
    {
      const char *a = args->v[i];
      if (name_in (a, exact) || starts (a, "-print-") || starts (a, "--print-"))
        return true;
    }
  return false;
}

/* Options for both the lowering (its own diagnostics) and the
   compiler.  */
static bool
shared_with_compiler (const char *a)
{
  static const char *const opts[] = {
    "-fdiagnostics-parseable-fixits", "-Werror", "-Wno-error", "-w", NULL
  };
  return name_in (a, opts);
}

/* What `cdefer cc` was asked to do, and what it learns on the way.  */
typedef struct CcJob {
  /* the command line */
  const char *cc;               /* --cc, else $CC, else cc */
  bool via_plugin, via_given, always_lower;
  bool exceptions;              /* the compile unwinds (-fexceptions) */
  const char *lowering;         /* --lowering=..., as given */
  Vec args;                     /* for the compiler */
  Vec lower_opts;               /* for the lowering, as `cdefer lower` */
  Vec ccv;                      /* the compiler's words */
  Vec launcher;                 /* the compiler named as first argument */
  bool is_tcc;
  bool json;                    /* -fdiagnostics-format=json */
  /* the compiler's arguments, classified */
  Vec pp;                       /* for the -E step only */
  Vec comp;                     /* for the compile step; NULL: a source */
  Vec sources;                  /* the C sources ... */
  Vec source_lang;              /* ... and the -x in effect at each */
  Vec others;                   /* objects, libraries, other languages */
  const char *out;              /* -o */
  bool opt_c, opt_S, opt_E, deps_only, md, has_mf, has_mt;
  /* tcc's dependency options, which cdefer carries out (see
     cc_write_depfile) */
  bool mmd, mp;
  const char *mf;
  Vec mt;                       /* the targets of -MT and -MQ, as written */
  const char *lang;             /* -x LANG in effect, NULL for none */
  bool used_x;
  int last_input;               /* index in comp of the last input file */
  /* lowering */
  const char *tcc_header;       /* see cc_make_tcc_header */
  Vec lowered;                  /* the lowered file of each source */
} CcJob;

enum { GO_ON = -1 };            /* a step's "no exit status yet" */

/* The options of `cdefer cc` itself; the others are the compiler's.
   GO_ON, or the exit status (--help, --version, a usage error).  */
static int
cc_parse_command_line (CcJob *j, int argc, char **argv)
{
  Vec expanded = { 0 };
  for (int i = 0; i < argc; i++)
    expand_response_file (argv[i], &expanded, 0);
  j->cc = compiler_from_environment ();
  const char *always = getenv ("CDEFER_ALWAYS_LOWER");
  j->always_lower = always && *always && strcmp (always, "0");
  j->lowering = "--lowering=portable";
  bool first_arg = true;        /* no argument for the compiler yet */
  for (int i = 0; i < expanded.n; i++)
    {
      const char *a = expanded.v[i];
      if (first_arg && names_compiler (a))
        {
          /* Launcher mode: this compiler, for both steps.  */
          vec_push (&j->launcher, (void *) a);
          if (is_compiler_wrapper (a) && i + 1 < expanded.n
              && names_compiler (expanded.v[i + 1]))
            vec_push (&j->launcher, expanded.v[++i]);
          first_arg = false;
          continue;
        }
      if (starts (a, "--via="))
        {
          j->via_given = true;
          if (!strcmp (a + 6, "plugin"))
            j->via_plugin = true;
          else if (strcmp (a + 6, "lower"))
            return usage_error ("unknown --via '%s' (lower, plugin)", a + 6);
        }
      else if (starts (a, "--model="))
        {
          if (!set_model (a + 8))
            return usage_error ("unknown model '%s' (go, ts)", a + 8);
        }
      else if (starts (a, "--cc="))
        j->cc = a + 5;
      else if (!strcmp (a, "--always-lower"))
        j->always_lower = true;
      else if (starts (a, "--lowering="))
        j->lowering = a;
      else if (starts (a, "-Wno-cdefer-") || starts (a, "-Werror=cdefer-")
               || starts (a, "-Wno-error=cdefer-")
               || starts (a, "--keywords=") || !strcmp (a, "--trace"))
        vec_push (&j->lower_opts, (void *) a);
      else if (shared_with_compiler (a))
        {
          first_arg = false;
          vec_push (&j->lower_opts, (void *) a);
          vec_push (&j->args, (void *) a);
        }
      else if (starts (a, "-fdiagnostics-format="))
        {
          /* For the lowering; the compiler gets it if it knows it
             (cc_json_for_compiler).  */
          first_arg = false;
          j->json = !strcmp (a + 21, "json");
          vec_push (&j->lower_opts, (void *) a);
        }
      else if (!strcmp (a, "--help"))
        {
          fputs (cc_help, stdout);
          return 0;
        }
      else
        {
          first_arg = false;
          /* Does the compile unwind (pthread_exit, thrd_exit)?  */
          if (!strcmp (a, "-fexceptions") || !strcmp (a, "-fno-exceptions"))
            j->exceptions = a[2] == 'e';
          vec_push (&j->args, (void *) a);
        }
    }
  return GO_ON;
}

/* The compiler's words, if it can be run: GO_ON, else 2 (said why).  */
static int
cc_find_compiler (CcJob *j)
{
  if (j->launcher.n)
    for (int i = 0; i < j->launcher.n; i++)
      vec_push (&j->ccv, j->launcher.v[i]);
  else
    split_words (j->cc, &j->ccv);
  if (!j->ccv.n)
    return usage_error ("%s", "empty --cc");
  if (!compiler_usable (&j->ccv, "cdefer cc"))
    return 2;
  /* The compiler itself, behind ccache or distcc.  */
  int c = 0;
  while (c + 1 < j->ccv.n && is_compiler_wrapper (j->ccv.v[c]))
    c++;
  j->is_tcc = strstr (base_name (j->ccv.v[c]), "tcc") != NULL;
  return GO_ON;
}

/* The plugin to compile with, or NULL to lower.  Without --via, the
   plugin when one is installed for this compiler (the usual case for the
   system GCC).  *MISSING: --via=plugin, and there is none (said why).  */
static char *
cc_choose_plugin (CcJob *j, bool *missing)
{
  char *plugin_dir = NULL;
  char *plugin = (j->via_plugin || !j->via_given)
                 ? plugin_for_compiler (&j->ccv, &plugin_dir) : NULL;
  *missing = j->via_plugin && !plugin;
  if (*missing && plugin_dir)
    fprintf (stderr, "cdefer cc: no cdefer plugin is installed for %s "
             "(looked for %s/cdefer.so); install it with cmake --install, "
             "set CDEFER_PLUGIN, or use --via=lower\n",
             (const char *) j->ccv.v[0], plugin_dir);
  else if (*missing)
    fprintf (stderr, "cdefer cc: %s is not a GCC with plugin support; "
             "use --via=lower\n", (const char *) j->ccv.v[0]);
  return plugin;
}

/* COMPILER -fplugin=PLUGIN ARGS: the plugin does it all.  */
static int
cc_compile_with_plugin (CcJob *j, const char *plugin)
{
  Buf fp = { 0 };
  buf_printf (&fp, "-fplugin=%s", plugin);
  vec_push (&j->ccv, buf_keep (&fp));
  for (int i = 0; i < j->lower_opts.n; i++)
    if (!shared_with_compiler (j->lower_opts.v[i]))
      vec_push (&j->ccv, (void *) plugin_option (j->lower_opts.v[i]));
  if (opt.model_ts)
    {
      vec_push (&j->ccv, "-fplugin-arg-cdefer-model=ts");
      push_ts_include (&j->ccv);
    }
  for (int i = 0; i < j->args.n; i++)
    vec_push (&j->ccv, j->args.v[i]);
  int rc = run (&j->ccv, -1);
  return rc < 0 ? 2 : rc;
}

/* -x LANG (or -xLANG) at ARGS[*I]: note the language, keep it for the
   compile step.  */
static void
cc_take_language (CcJob *j, int *i)
{
  const char *a = j->args.v[*i];
  const char *l = a[2] ? a + 2 : *i + 1 < j->args.n ? j->args.v[*i + 1] : "none";
  j->lang = strcmp (l, "none") ? l : NULL;
  j->used_x = true;
  vec_push (&j->comp, (void *) a);
  if (!a[2] && *i + 1 < j->args.n)
    vec_push (&j->comp, j->args.v[++*i]);
}

/* An option or input of ARGS[*I] that is neither -o, -E, -x nor a C
   source: to the -E step, the compile step or both.  */
static void
cc_route_arg (CcJob *j, int *i)
{
  const char *a = j->args.v[*i];
  bool has_next = *i + 1 < j->args.n;
  if (pp_only_with_arg (a) && has_next)
    {
      vec_push (&j->pp, (void *) a);
      vec_push (&j->pp, j->args.v[++*i]);
    }
  else if (pp_only (a))
    vec_push (&j->pp, (void *) a);
  else if (comp_only_with_arg (a) && has_next)
    {
      vec_push (&j->comp, (void *) a);
      vec_push (&j->comp, j->args.v[++*i]);
    }
  else if (both_with_arg (a) && has_next)
    {
      vec_push (&j->comp, (void *) a);
      vec_push (&j->pp, (void *) a);
      vec_push (&j->comp, j->args.v[++*i]);
      vec_push (&j->pp, j->args.v[*i]);
    }
  else
    {
      if (a[0] != '-')
        {
          j->last_input = j->comp.n;  /* an object, a library, another language */
          vec_push (&j->others, (void *) a);
        }
      vec_push (&j->comp, (void *) a);
      /* Options that change predefined macros matter to -E as well;
         the linker's do not (clang warns "unused during compilation").  */
      if (a[0] == '-' && strcmp (a, "-c") && strcmp (a, "-S") && !link_only (a))
        vec_push (&j->pp, (void *) a);
    }
}

/* tcc has -MD and -MF only, and its -E writes no dependency file: for
   tcc, cdefer takes -MD, -MMD, -MF, -MT, -MQ and -MP itself and writes
   the file from the preprocessing step (cc_write_depfile).  True if
   ARGS[*I] was one of them.  */
static bool
cc_take_tcc_dep_option (CcJob *j, int *i)
{
  const char *a = j->args.v[*i];
  if (!strcmp (a, "-MD") || !strcmp (a, "-MMD"))
    {
      j->md = true;
      j->mmd |= a[2] == 'M';
      return true;
    }
  if (!strcmp (a, "-M") || !strcmp (a, "-MM"))
    {
      j->deps_only = true;
      j->mmd |= a[2] == 'M';
      return true;
    }
  if (!strcmp (a, "-MP"))
    return j->mp = true;
  bool target = starts (a, "-MT") || starts (a, "-MQ");
  if (!target && !starts (a, "-MF"))
    return false;
  const char *v = a[3] ? a + 3 : *i + 1 < j->args.n ? j->args.v[++*i] : "";
  if (!target)
    j->mf = v;
  else if (a[2] == 'T')
    vec_push (&j->mt, (void *) v);
  else
    {
      /* -MQ: quoted for make, as GCC does ($ doubled).  */
      Buf q = { 0 };
      for (; *v; v++)
        {
          if (*v == '$')
            buf_add (&q, "$", 1);       /* make reads $$ as $ */
          buf_add (&q, v, 1);
        }
      vec_push (&j->mt, buf_keep (&q));
    }
  return true;
}

/* Sort the compiler's arguments: the output, the mode (-c, -S, -E, -M*),
   the sources (a C file by -x c, else by its name), and what goes to the
   -E step and to the compile step.  */
static void
cc_classify_args (CcJob *j)
{
  j->last_input = -1;
  for (int i = 0; i < j->args.n; i++)
    {
      const char *a = j->args.v[i];
      if (!strcmp (a, "-o") && i + 1 < j->args.n)
        {
          j->out = j->args.v[++i];
          continue;
        }
      if (starts (a, "-o") && a[2] && !starts (a, "-obj"))
        {
          j->out = a + 2;       /* -oFILE */
          continue;
        }
      j->opt_c |= !strcmp (a, "-c");
      j->opt_S |= !strcmp (a, "-S");
      if (!strcmp (a, "-E"))
        {
          j->opt_E = true;
          continue;
        }
      if (j->is_tcc && cc_take_tcc_dep_option (j, &i))
        continue;
      j->deps_only |= !strcmp (a, "-M") || !strcmp (a, "-MM");
      j->md |= !strcmp (a, "-MD") || !strcmp (a, "-MMD");
      j->has_mf |= !strcmp (a, "-MF");
      j->has_mt |= !strcmp (a, "-MT") || !strcmp (a, "-MQ");
      if (!strcmp (a, "-x") || (starts (a, "-x") && a[2]))
        cc_take_language (j, &i);
      else if ((a[0] != '-' || !strcmp (a, "-"))
               && (j->lang ? !strcmp (j->lang, "c") : is_c_source (a)))
        {
          vec_push (&j->sources, (void *) a);
          vec_push (&j->source_lang, (void *) (j->lang ? j->lang : "none"));
          j->last_input = j->comp.n;
          vec_push (&j->comp, NULL);    /* placeholder: the lowered file */
        }
      else
        cc_route_arg (j, &i);
    }
}

/* Nothing to lower: the compiler does it all, with the model's macros
   when MODEL_MACROS.  */
static int
cc_compile_as_is (CcJob *j, bool model_macros)
{
  if (model_macros)
    model_cpp_args (&j->ccv);
  for (int i = 0; i < j->args.n; i++)
    vec_push (&j->ccv, j->args.v[i]);
  int rc = run (&j->ccv, -1);
  return rc < 0 ? 2 : rc;
}

/* The screen: can every source be compiled as it is?  A file that cannot
   use defer or scope needs no lowering, and this saves a whole
   preprocessor run.  */
static bool
cc_all_plain (CcJob *j)
{
  bool verbose = getenv ("CDEFER_VERBOSE") != NULL;
  bool all_plain = !j->always_lower;
  for (int s = 0; s < j->sources.n; s++)
    if (!strcmp (j->sources.v[s], "-"))
      all_plain = false;        /* standard input: the screen cannot read it */
  if (j->is_tcc && j->md)
    {
      all_plain = false;        /* cdefer writes tcc's dependency files */
      for (int s = 0; s < j->sources.n && verbose; s++)
        fprintf (stderr, "cdefer: %s: lowered (tcc: the dependency file "
                 "comes from the preprocessing step)\n",
                 (const char *) j->sources.v[s]);
    }
  if (j->always_lower && verbose)
    for (int s = 0; s < j->sources.n; s++)
      fprintf (stderr, "cdefer: %s: lowered (--always-lower)\n",
               (const char *) j->sources.v[s]);
  for (int s = 0; s < j->sources.n && all_plain; s++)
    {
      const char *why = screen_source (&j->ccv, &j->args, j->sources.v[s],
                                       j->is_tcc);
      if (verbose && why)
        fprintf (stderr, "cdefer: %s: lowered (%s)\n",
                 (const char *) j->sources.v[s], why);
      else if (verbose)
        fprintf (stderr, "cdefer: %s: compiled as it is (no defer or "
                 "scope in it or its headers)\n",
                 (const char *) j->sources.v[s]);
      all_plain = !why;
    }
  return all_plain;
}

/* glibc's <sys/cdefs.h> defines __attribute__ away for compilers that
   are not GCC (tcc): cleanup attributes would vanish before lowering.
   A header for tcc's -E lets it be included first, then undoes that (tcc
   parses attributes).  */
static void
cc_make_tcc_header (CcJob *j)
{
  if (!j->is_tcc
      || (access ("/usr/include/sys/cdefs.h", R_OK) != 0
          && access ("/usr/include/" MULTIARCH "/sys/cdefs.h", R_OK) != 0))
    return;
  j->tcc_header = temp_path ("cdefer-tcc.h");
  FILE *h = fopen (j->tcc_header, "w");
  if (h)
    {
      fputs ("#include <sys/cdefs.h>\n#undef __attribute__\n", h);
      fclose (h);
    }
}

/* The object the compile writes for SRC: the target of its dependency
   file.  */
static const char *
cc_object_name (CcJob *j, const char *src)
{
  return j->out && j->opt_c && j->sources.n == 1
         ? j->out : with_suffix (base_name (src), ".o");
}

/* NAME in a make rule: spaces and '#' escaped, '$' doubled (as GCC).  */
static void
put_make_name (FILE *f, const char *name)
{
  for (; *name; name++)
    {
      if (*name == ' ' || *name == '\t' || *name == '#')
        fputc ('\\', f);
      else if (*name == '$')
        fputc ('$', f);
      fputc (*name, f);
    }
}

/* A header of the system (left out by -MMD): under the usual system
   directories (tcc's own included) or an -isystem one.  */
static bool
cc_system_header (CcJob *j, const char *path)
{
  if (starts (path, "/usr/include/") || starts (path, "/usr/local/include/")
      || starts (path, "/usr/lib/"))
    return true;
  for (int i = 0; i + 1 < j->pp.n; i++)
    if (!strcmp (j->pp.v[i], "-isystem") && starts (path, j->pp.v[i + 1]))
      return true;
  return false;
}

/* The files of the line markers of PRE ("# N \"FILE\""), each once, in
   order: SRC and the headers it included.  */
static void
cc_included_files (CcJob *j, const char *pre, Vec *files)
{
  FILE *f = fopen (pre, "r");
  if (!f)
    return;
  char line[8192];
  while (fgets (line, sizeof line, f))
    {
      char *q = line[0] == '#' ? strchr (line, '"') : NULL;
      char *e = q ? strrchr (q + 1, '"') : NULL;
      if (!e || q[1] == '<')
        continue;               /* no marker, or <built-in>, <command line> */
      *e = '\0';
      const char *name = q + 1;
      bool seen = j->tcc_header && !strcmp (name, j->tcc_header);
      for (int i = 0; i < files->n && !seen; i++)
        seen = !strcmp (files->v[i], name);
      if (!seen && (!j->mmd || files->n == 0 || !cc_system_header (j, name)))
        vec_push (files, xstrndup (name, strlen (name)));
    }
  fclose (f);
}

/* The make rule of TARGET (unless -MT or -MQ name others) and the files
   of the preprocessed text PRE, into F, as GCC writes it (-MP: a rule
   per header).  */
static void
cc_put_rule (CcJob *j, const char *target, const char *pre, FILE *f)
{
  Vec files = { 0 };
  cc_included_files (j, pre, &files);
  if (!j->mt.n)
    put_make_name (f, target);
  for (int i = 0; i < j->mt.n; i++)
    fprintf (f, "%s%s", i ? " " : "", (const char *) j->mt.v[i]);
  fputc (':', f);
  for (int i = 0; i < files.n; i++)
    {
      fputs (i ? " \\\n " : " ", f);
      put_make_name (f, files.v[i]);
    }
  fputc ('\n', f);
  for (int i = 1; j->mp && i < files.n; i++)
    {
      fputc ('\n', f);
      put_make_name (f, files.v[i]);
      fputs (":\n", f);
    }
}

/* tcc: the dependency file of SRC from its preprocessed text PRE, as
   gcc -MD would write it (-MF, -MT, -MQ, -MMD, -MP honoured).  0, or 2
   after saying why.  */
static int
cc_write_depfile (CcJob *j, const char *src, const char *pre)
{
  const char *obj = cc_object_name (j, src);
  const char *path = j->mf ? j->mf : with_suffix (obj, ".d");
  FILE *f = fopen (path, "w");
  if (!f)
    {
      fprintf (stderr, "cdefer cc: %s: %s\n", path, strerror (errno));
      return 2;
    }
  cc_put_rule (j, obj, pre, f);
  return fclose (f) == 0 ? 0 : 2;
}

/* COMPILER -E SRC into PRE, with the model's macros and the -E step's
   options.  The run's status.  */
static int
cc_preprocess_source (CcJob *j, const char *src, const char *pre)
{
  Vec pv = { 0 };
  for (int i = 0; i < j->ccv.n; i++)
    vec_push (&pv, j->ccv.v[i]);
  vec_push (&pv, "-E");
  /* Keep comments: GCC reads fall-through comments when it compiles
     the lowered file (tcc has no -C).  Not -CC, which would also keep
     those in macro bodies: it makes comments part of the macros'
     definitions, so `#define X` and `#define X (comment)` become a
     redefinition and code can change (lz4).  */
  if (!j->is_tcc)
    vec_push (&pv, "-C");
  model_cpp_args (&pv);
  if (j->tcc_header)
    {
      vec_push (&pv, "-include");
      vec_push (&pv, (void *) j->tcc_header);
    }
  for (int i = 0; i < j->pp.n; i++)
    vec_push (&pv, j->pp.v[i]);
  if (j->md && !j->is_tcc)
    {
      const char *obj = cc_object_name (j, src);
      if (!j->has_mf)
        {
          vec_push (&pv, "-MF");
          vec_push (&pv, with_suffix (obj, ".d"));
        }
      if (!j->has_mt)
        {
          vec_push (&pv, "-MT");
          vec_push (&pv, (void *) obj);
        }
    }
  vec_push (&pv, "-x");         /* also for -x c with another name */
  vec_push (&pv, "c");
  vec_push (&pv, (void *) src);
  vec_push (&pv, "-o");
  vec_push (&pv, (void *) pre);
  return run (&pv, -1);
}

/* tcc -M / -MM (tcc has neither): the rule of each source, from its
   preprocessed text, on -MF, -o or standard output.  */
static int
cc_tcc_deps_only (CcJob *j)
{
  const char *path = j->mf ? j->mf : j->out;
  FILE *f = path ? fopen (path, "w") : stdout;
  if (!f)
    {
      fprintf (stderr, "cdefer cc: %s: %s\n", path, strerror (errno));
      return 2;
    }
  int rc = 0;
  for (int s = 0; s < j->sources.n && !rc; s++)
    {
      const char *src = j->sources.v[s];
      const char *pre = temp_path ("deps.i");
      rc = cc_preprocess_source (j, src, pre);
      if (!rc)
        cc_put_rule (j, with_suffix (base_name (src), ".o"), pre, f);
    }
  if (path && fclose (f) != 0 && !rc)
    rc = 2;
  return rc < 0 ? 2 : rc;
}

/* Lower the preprocessed PRE into OUT as `cdefer lower` does, in this
   process (a unit of its own): the command's arguments, parsed by its
   own code, so its options, diagnostics and exit status are the same.  */
static int
cc_lower_preprocessed (CcJob *j, const char *pre, const char *out)
{
  Vec lv = { 0 };
  vec_push (&lv, (void *) self);
  vec_push (&lv, "lower");
  vec_push (&lv, "--preprocessed");
  vec_push (&lv, (void *) j->lowering);
  vec_push (&lv, opt.model_ts ? "--model=ts" : "--model=go");
  for (int i = 0; i < j->lower_opts.n; i++)
    vec_push (&lv, j->lower_opts.v[i]);
  if (j->exceptions)
    vec_push (&lv, "-fexceptions");
  vec_push (&lv, "-o");
  vec_push (&lv, (void *) out);
  vec_push (&lv, (void *) pre);
  if (getenv ("CDEFER_VERBOSE"))
    {
      for (int i = 0; i < lv.n; i++)
        fprintf (stderr, "%s%s", i ? " " : "", (char *) lv.v[i]);
      fputc ('\n', stderr);
    }
  return cmd_lower (lv.n - 2, (char **) lv.v + 2);
}

/* Source S: preprocessed, then lowered, into the private directory (the
   lowered file keeps the source's name, as the compiler names its
   outputs after it, in a directory of its own); with -E, to the output.
   0, or the exit status.  */
static int
cc_lower_source (CcJob *j, int s)
{
  const char *src = j->sources.v[s];
  const char *low_name = with_suffix (strcmp (src, "-") ? base_name (src)
                                                        : "stdin.c",
                                      j->is_tcc || j->opt_E ? ".c" : ".i");
  Buf name = { 0 };
  buf_printf (&name, "p%d.i", s);
  const char *pre = temp_path (name.s);
  name.n = 0;
  buf_printf (&name, "s%d", s);
  temp_name (name.s, true);
  buf_printf (&name, "/%s", low_name);
  const char *low = temp_path (name.s);
  free (name.s);
  int rc = cc_preprocess_source (j, src, pre);
  if (rc)
    return rc < 0 ? 2 : rc;
  if (j->md && j->is_tcc && (rc = cc_write_depfile (j, src, pre)))
    return rc;
  const char *dest = !j->opt_E ? low : j->out ? j->out : "-";
  rc = cc_lower_preprocessed (j, pre, dest);
  if (rc)
    return rc;
  vec_push (&j->lowered, (void *) low);
  return 0;
}

/* Compile (and link) with each source replaced by its lowered file, the
   other arguments in their order.  */
static int
cc_compile_lowered (CcJob *j)
{
  int k = 0;
  for (int i = 0; i < j->comp.n; i++)
    {
      if (j->comp.v[i])
        {
          vec_push (&j->ccv, j->comp.v[i]);
          continue;
        }
      /* Under -x, say what the lowered file is, then restore the -x.  */
      if (j->used_x)
        {
          vec_push (&j->ccv, "-x");
          vec_push (&j->ccv, j->is_tcc ? "c" : "cpp-output");
        }
      vec_push (&j->ccv, j->lowered.v[k]);
      if (j->used_x && i < j->last_input)
        {
          vec_push (&j->ccv, "-x");
          vec_push (&j->ccv, j->source_lang.v[k]);
        }
      k++;
    }
  if (j->out)
    {
      vec_push (&j->ccv, "-o");
      vec_push (&j->ccv, (void *) j->out);
    }
  int rc = run (&j->ccv, -1);
  /* Remove the per-source directories too.  */
  cleanup_temps ();
  return rc < 0 ? 2 : rc;
}

/* --via=lower: screen, preprocess and lower what needs it, compile.  */
static int
cc_lower_and_compile (CcJob *j)
{
  cc_classify_args (j);
  if (check_inputs (&j->sources, &j->others, j->out,
                    j->opt_c || j->opt_S || j->opt_E))
    return 2;
  if (j->deps_only && j->is_tcc)
    return cc_tcc_deps_only (j);
  if (!j->sources.n || j->deps_only)
    return cc_compile_as_is (j, false);
  if (cc_all_plain (j))
    return cc_compile_as_is (j, true);
  cc_make_tcc_header (j);
  for (int s = 0; s < j->sources.n; s++)
    {
      int rc = cc_lower_source (j, s);
      if (rc)
        return rc;
    }
  if (j->opt_E)
    return 0;
  return cc_compile_lowered (j);
}

/* ---- -fdiagnostics-format=json: one JSON document ----

   The lowering prints its diagnostics as one array per unit, GCC one per
   run, clang and tcc text.  With json, the standard error of every step
   goes to a file, and at the end the arrays are merged into one and each
   text diagnostic becomes a record of the same shape.  */
static int json_saved_stderr = -1;
static int json_capture = -1;   /* the file, open: its temporary may be
                                   removed before the end */

/* GCC gets the option (its arrays are merged); clang and tcc do not
   know it (their text is converted), and clang loses its source
   excerpts, which are no diagnostics.  */
static void
cc_json_for_compiler (CcJob *j)
{
  if (compiler_is_gcc (&j->ccv))
    vec_push (&j->args, "-fdiagnostics-format=json");
  else if (!j->is_tcc)
    vec_push (&j->args, "-fno-caret-diagnostics");
}

static void
json_capture_start (void)
{
  fflush (stderr);
  json_capture = open (temp_path ("diagnostics.txt"),
                       O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (json_capture < 0)
    return;
  json_saved_stderr = fcntl (2, F_DUPFD_CLOEXEC, 3);
  dup2 (json_capture, 2);
}

static void
put_json_string (Buf *b, const char *s, size_t n)
{
  buf_puts (b, "\"");
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == '"' || c == '\\')
        buf_printf (b, "\\%c", c);
      else if (c < 0x20)
        buf_printf (b, "\\u%04x", c);
      else
        buf_add (b, s + i, 1);
    }
  buf_puts (b, "\"");
}

/* A text line as a record: "FILE:LINE[:COL]: KIND: MESSAGE" (gcc,
   clang, tcc), "PROGRAM: KIND: MESSAGE", else a note of the whole line;
   without its end (the caller adds children or not).  Column 0: not
   given (tcc).  Returns the kind.  */
static const char *
json_text_record (Buf *b, const char *line, size_t n)
{
  static const struct { const char *text, *kind; } kinds[] = {
    { ": fatal error: ", "error" }, { ": error: ", "error" },
    { ": warning: ", "warning" }, { ": note: ", "note" }
  };
  const char *k = NULL, *kind = "note", *msg = line;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !k; i++)
    {
      const char *p = strstr (line, kinds[i].text);
      if (p && p < line + n)
        {
          k = p;
          kind = kinds[i].kind;
          msg = p + strlen (kinds[i].text);
        }
    }
  long num[2] = { 0, 0 };
  int nums = 0;
  const char *file_end = k;
  if (k)
    {
      /* Up to two numbers before the kind: LINE and COL.  */
      while (nums < 2 && file_end > line)
        {
          const char *c = file_end - 1;
          while (c > line && c[-1] >= '0' && c[-1] <= '9')
            c--;
          if (c == file_end || c == line || c[-1] != ':')
            break;
          memmove (num + 1, num, sizeof num[0]);
          num[0] = strtol (c, NULL, 10);
          nums++;
          file_end = c - 1;
        }
    }
  buf_puts (b, "{\"kind\": ");
  put_json_string (b, kind, strlen (kind));
  buf_puts (b, ", \"message\": ");
  put_json_string (b, msg, line + n - msg);
  buf_puts (b, ", \"locations\": [");
  if (nums)
    {
      long l = num[0], col = nums == 2 ? num[1] : 0;
      buf_puts (b, "{\"caret\": {\"file\": ");
      put_json_string (b, line, file_end - line);
      buf_printf (b, ", \"line\": %ld, \"column\": %ld, \"display-column\": "
                  "%ld, \"byte-column\": %ld}}", l, col, col, col);
    }
  buf_puts (b, "], \"escape-source\": false");
  return kind;
}

/* The end of a top-level text record whose children are being added.  */
static void
json_close_text_record (Buf *out, bool *open)
{
  if (*open)
    buf_puts (out, "], \"column-origin\": 1}");
  *open = false;
}

/* Restore standard error and print on it the one array of what was
   captured.  */
static void
json_capture_end (void)
{
  if (json_saved_stderr < 0)
    return;
  fflush (stderr);
  dup2 (json_saved_stderr, 2);
  close (json_saved_stderr);
  json_saved_stderr = -1;
  lseek (json_capture, 0, SEEK_SET);
  FILE *f = fdopen (json_capture, "r");
  Buf text = { 0 }, out = { 0 };
  if (f)
    {
      buf_read (&text, f);
      fclose (f);
    }
  json_capture = -1;
  int records = 0, children = 0;
  bool open = false;            /* a text error or warning takes notes */
  for (const char *p = text.s, *end = text.s + text.n; p && p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *e = nl ? nl : end;
      const char *a = p, *z = e;
      while (a < z && (*a == ' ' || *a == '\t' || *a == '\r'))
        a++;
      while (z > a && (z[-1] == ' ' || z[-1] == '\t' || z[-1] == '\r'))
        z--;
      bool clang_count = z - a > 10 && !strncmp (z - 10, " generated.", 10)
                         && (strstr (a, " warning") || strstr (a, " error"));
      if (z - a >= 2 && *a == '[' && z[-1] == ']')
        {
          /* An array: its elements.  */
          const char *in = a + 1, *iz = z - 1;
          while (in < iz && (*in == ' ' || *in == '\t'))
            in++;
          json_close_text_record (&out, &open);
          if (in < iz)
            {
              buf_puts (&out, records++ ? ", " : "");
              buf_add (&out, in, iz - in);
            }
        }
      else if (z > a && !clang_count)
        {
          Buf rec = { 0 };
          const char *kind = json_text_record (&rec, a, z - a);
          bool note = !strcmp (kind, "note");
          if (open && note)
            buf_puts (&out, children++ ? ", " : "");
          else
            {
              json_close_text_record (&out, &open);
              buf_puts (&out, records++ ? ", " : "");
            }
          buf_add (&out, rec.s, rec.n);
          free (rec.s);
          if (note && open)
            buf_puts (&out, "}");
          else if (note)
            buf_puts (&out, ", \"children\": [], \"column-origin\": 1}");
          else
            {
              buf_puts (&out, ", \"children\": [");
              open = true;
              children = 0;
            }
        }
      p = e + 1;
    }
  json_close_text_record (&out, &open);
  fprintf (stderr, "[%.*s]\n", (int) out.n, out.s ? out.s : "");
  fflush (stderr);
  free (text.s);
  free (out.s);
}

/* cdefer cc: the plugin when there is one; else screen the sources,
   preprocess and lower those that need it, compile.  */
static int
cmd_cc (int argc, char **argv)
{
  CcJob j = { 0 };
  int rc = cc_parse_command_line (&j, argc, argv);
  if (rc == GO_ON)
    rc = cc_find_compiler (&j);
  if (rc != GO_ON)
    return rc;
  if (asks_compiler_identity (&j.args))
    return cc_compile_as_is (&j, false);
  bool missing;
  char *plugin = cc_choose_plugin (&j, &missing);
  if (missing)
    return 2;
  if (plugin)
    return cc_compile_with_plugin (&j, plugin);
  if (!j.json)
    return cc_lower_and_compile (&j);
  cc_json_for_compiler (&j);
  json_capture_start ();
  rc = cc_lower_and_compile (&j);
  json_capture_end ();
  return rc;
}

int
main (int argc, char **argv)
{
  self = argv[0];
  static char exe[4096];
  ssize_t n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0)
    {
      exe[n] = 0;
      self = exe;
    }
  catch_fatal_signals ();
  if (cdefer_depth () >= MAX_CDEFER_DEPTH)
    {
      fprintf (stderr, "cdefer: error: cdefer is running itself (%d levels "
               "deep): the compiler it runs is cdefer again; name the real "
               "compiler with --cc=COMPILER or as cdefer cc's first "
               "argument\n", cdefer_depth ());
      return 2;
    }
  if (argc < 2)
    {
      fputs (main_help, stderr);
      return 2;
    }
  const char *cmd = argv[1];
  if (!strcmp (cmd, "--help") || !strcmp (cmd, "-h") || !strcmp (cmd, "help"))
    {
      fputs (main_help, stdout);
      return 0;
    }
  if (!strcmp (cmd, "--version"))
    {
      print_version ();
      return 0;
    }
  if (!strcmp (cmd, "lower"))
    {
      int rc = cmd_lower (argc - 2, argv + 2);
      diag_finish ();
      return rc;
    }
  if (!strcmp (cmd, "check"))
    {
      int rc = cmd_check (argc - 2, argv + 2);
      diag_finish ();
      return rc;
    }
  if (!strcmp (cmd, "cc"))
    return cmd_cc (argc - 2, argv + 2);
  if (!strcmp (cmd, "migrate"))
    {
      int rc = cmd_migrate (argc - 2, argv + 2);
      diag_finish ();
      return rc;
    }
  if (!strcmp (cmd, "trace-report"))
    return cmd_trace_report (argc - 2, argv + 2);
  if (!strcmp (cmd, "compdb"))
    return cmd_compdb (argc - 2, argv + 2);
  return usage_error ("unknown command '%s' (lower, check, cc, migrate, trace-report, compdb)", cmd);
}
