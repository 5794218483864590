/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tables.c - the names that the rules know, one table per job.

   Both backends used to carry their own copies of these lists; a name
   added to one was missing from the other.  Now a backend asks the core
   what a callee is (cd_classify_call) and never compares names itself.  */

#include <string.h>

#include "cdefer-core.h"

static bool
name_in (const char *name, const char *const *list)
{
  for (; *list; list++)
    if (strcmp (name, *list) == 0)
      return true;
  return false;
}

/* They end the process without unwinding: deferred bodies do not run.
   abort is left out on purpose: it is meant to skip cleanup (SPEC 4).  */
static const char *const exit_functions[] = {
  "exit", "_Exit", "quick_exit", NULL
};

/* They unwind the thread's stack when the code is compiled with
   -fexceptions, and deferred bodies then run, as cleanup attributes do.  */
static const char *const thread_exit_functions[] = {
  "thrd_exit", "pthread_exit", NULL
};

static const char *const longjmp_functions[] = {
  "longjmp", "siglongjmp", "_longjmp", "__longjmp_chk", "__builtin_longjmp",
  NULL
};

/* Functions that can return twice: flags must be volatile (SPEC 3.7).  */
static const char *const setjmp_functions[] = {
  "setjmp", "_setjmp", "__setjmp", "sigsetjmp", "__sigsetjmp", "vfork",
  "getcontext", "savectx", "__builtin_setjmp", NULL
};

/* Functions that release the resource named by their first argument.  A
   deferred `F (v);` of these releases v (released-value-escapes); for
   defer-before-check any deferred `F (v);` counts, listed or not.  */
static const char *const release_functions[] = {
  "free", "cfree", "xfree", "g_free", "__builtin_free", "fclose", "pclose",
  "closedir", "close", "freeaddrinfo", "freeifaddrs", "globfree", "regfree",
  "freelocale", "iconv_close", "dlclose", "munmap", "g_object_unref",
  "g_string_free", "g_hash_table_destroy", "g_list_free", "g_slist_free",
  "sqlite3_close", "sqlite3_finalize", "sqlite3_free", NULL
};

/* Release functions for which a NULL argument is a no-op: releasing a
   failed allocation is harmless (defer-before-check stays quiet).  */
static const char *const null_ok_functions[] = {
  "free", "g_free", "cfree", "g_slice_free1", "xfree", "__builtin_free",
  "sqlite3_free", NULL
};

static const char *const take_functions[] = {
  "cdefer_take", "cdefer_take_ptr_", NULL
};

/* libcdefer's panic and protect: a panic unwinds the stack, which runs
   deferred bodies only where they are cleanups (the plugin, the gnu
   lowering, with -fexceptions).  */
static const char *const panic_functions[] = {
  "cdefer_panic", "cdefer_panicf", "cdefer_protect", NULL
};

/* Every listed name with its class, in a hash table built on first use:
   the plugin and the front end classify every call of every function, and
   strcmp against each list was a visible share of the plugin's time.  */
enum { CLASS_SLOTS = 256 };
static struct
{
  const char *name;
  enum cd_call_class c;
} class_table[CLASS_SLOTS];

static unsigned
name_hash (const char *s)
{
  unsigned h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * 16777619u;
  return h;
}

static void
add_class (const char *const *list, enum cd_call_class c)
{
  for (; *list; list++)
    {
      unsigned h = name_hash (*list) & (CLASS_SLOTS - 1);
      while (class_table[h].name && strcmp (class_table[h].name, *list))
	h = (h + 1) & (CLASS_SLOTS - 1);
      if (!class_table[h].name)
	class_table[h].name = *list, class_table[h].c = c;
    }
}

static void
build_class_table (void)
{
  /* In the order the lists were tried before: the first list wins.  */
  add_class (exit_functions, CD_CALL_EXIT);
  add_class (thread_exit_functions, CD_CALL_THREAD_EXIT);
  add_class (longjmp_functions, CD_CALL_LONGJMP);
  add_class (setjmp_functions, CD_CALL_SETJMP);
  add_class (release_functions, CD_CALL_RELEASE);
  add_class (take_functions, CD_CALL_TAKE);
  add_class (panic_functions, CD_CALL_PANIC);
}

enum cd_call_class
cd_classify_call (const char *name)
{
  static bool built;
  if (!name)
    return CD_CALL_OTHER;
  if (!built)
    {
      build_class_table ();
      built = true;
    }
  unsigned h = name_hash (name) & (CLASS_SLOTS - 1);
  for (; class_table[h].name; h = (h + 1) & (CLASS_SLOTS - 1))
    if (strcmp (class_table[h].name, name) == 0)
      return class_table[h].c;
  return CD_CALL_OTHER;
}

bool
cd_release_accepts_null (const char *name)
{
  return name && name_in (name, null_ok_functions);
}

/* Arguments that the callee keeps after it returns (SPEC 4,
   address-escape).  FUNCTION_ONLY: only a function is kept there (a
   signal handler), an object's address passed there is not.  */
static const struct
{
  const char *name;
  int index;			/* 0-based */
  bool function_only;
} retaining_args[] = {
  { "pthread_create", 3, false },
  { "pthread_create", 2, true },
  { "thrd_create", 2, false },
  { "thrd_create", 1, true },
  { "on_exit", 1, false },
  { "on_exit", 0, true },
  { "pthread_setspecific", 1, false },
  { "setvbuf", 1, false },
  { "signal", 1, true },
  { "sigset", 1, true },
  { "atexit", 0, true },
  { "at_quick_exit", 0, true },
};

bool
cd_call_retains_arg (const char *name, int index, bool for_function)
{
  if (!name)
    return false;
  for (size_t i = 0; i < sizeof retaining_args / sizeof retaining_args[0];
       i++)
    if (retaining_args[i].index == index
	&& strcmp (retaining_args[i].name, name) == 0
	&& (for_function || !retaining_args[i].function_only))
      return true;
  return false;
}

/* ---- the catalogue ---- */

static const struct
{
  const char *id;
  const char *message;
  bool error;
} catalogue[] = {
#define ERROR true
#define WARNING false
#define CDEFER_DIAG(NAME, ID, KIND, MSG) { ID, MSG, KIND },
#include "cdefer/diagnostics.def"
#undef CDEFER_DIAG
#undef ERROR
#undef WARNING
};

const char *
cd_diag_id_name (enum cd_diag_id id)
{
  return catalogue[id].id;
}

const char *
cd_diag_message (enum cd_diag_id id)
{
  return catalogue[id].message;
}

bool
cd_diag_is_error (enum cd_diag_id id)
{
  return catalogue[id].error;
}
