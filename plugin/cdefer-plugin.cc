/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cdefer-plugin.cc - plugin entry point: options and GCC callbacks.  */

#include "cdefer-internal.h"

int plugin_is_GPL_compatible;

struct cdefer_options cdefer_opts;

static struct plugin_info cdefer_info = {
  CDEFER_VERSION_STRING,
  "defer and scope for C; see docs/plugin.md.  Options: model=go|ts, "
  "keywords=contextual|reserved, trace, no-warn=ID[,ID], werror=ID[,ID], "
  "no-werror=ID[,ID]"
};

static const char valid_options[] =
  "model=go|ts, keywords=contextual|reserved, trace, no-warn=ID[,ID], "
  "werror=ID[,ID], no-werror=ID[,ID], dump-core";

static bool
parse_option (const struct plugin_argument *arg)
{
  const char *k = arg->key, *v = arg->value;
  if (strcmp (k, "model") == 0 && v && strcmp (v, "go") == 0)
    cdefer_opts.model = MODEL_GO;
  else if (strcmp (k, "model") == 0 && v && strcmp (v, "ts") == 0)
    cdefer_opts.model = MODEL_TS;
  else if (strcmp (k, "keywords") == 0 && v && strcmp (v, "contextual") == 0)
    cdefer_opts.reserved_keywords = false;
  else if (strcmp (k, "keywords") == 0 && v && strcmp (v, "reserved") == 0)
    cdefer_opts.reserved_keywords = true;
  else if (strcmp (k, "trace") == 0 && !v)
    cdefer_opts.trace = true;	/* calls into libcdefer: plugin/lower.cc */
  else if (strcmp (k, "dump-core") == 0 && !v)
    cdefer_opts.dump_core = true;
  else if (strcmp (k, "no-warn") == 0 && v)
    return cdefer_diag_set_control (v, 'n');
  else if (strcmp (k, "werror") == 0 && v)
    return cdefer_diag_set_control (v, 'e');
  else if (strcmp (k, "no-werror") == 0 && v)
    return cdefer_diag_set_control (v, 'w');
  else
    {
      error ("cdefer: unknown option %<-fplugin-arg-cdefer-%s%s%s%>; "
	     "valid options are: %s", k, v ? "=" : "", v ? v : "",
	     valid_options);
      return false;
    }
  return true;
}

/* __attribute__((cdefer_retains(N, ...))): the function keeps the pointer
   passed as argument N beyond the call (address-escape).
   __attribute__((cdefer_releases(N, ...))): the function releases what
   argument N points to (released-value-escapes).
   __attribute__((cdefer_null_ok)): the release function accepts NULL
   (defer-before-check).  */
static tree
handle_cdefer_retains (tree *node, tree name, tree args, int, bool *no_add)
{
  for (tree a = args; a; a = TREE_CHAIN (a))
    if (TREE_CODE (TREE_VALUE (a)) != INTEGER_CST
	|| tree_int_cst_sgn (TREE_VALUE (a)) <= 0)
      {
	error ("%qE arguments must be positive integer constants "
	       "(parameter numbers)", name);
	*no_add = true;
      }
  return NULL_TREE;
}

static tree
handle_cdefer_null_ok (tree *, tree, tree, int, bool *)
{
  return NULL_TREE;
}

static const struct attribute_spec retains_attribute = {
  "cdefer_retains", 1, -1, true, false, false, false, handle_cdefer_retains,
  NULL
};
static const struct attribute_spec releases_attribute = {
  "cdefer_releases", 1, -1, true, false, false, false, handle_cdefer_retains,
  NULL
};
static const struct attribute_spec null_ok_attribute = {
  "cdefer_null_ok", 0, 0, true, false, false, false, handle_cdefer_null_ok,
  NULL
};

static void
on_attributes (void *gcc_data, void *user_data)
{
  register_attribute (&retains_attribute);
  register_attribute (&releases_attribute);
  register_attribute (&null_ok_attribute);
  cdefer_syntax_register_attributes ();
}

bool
cdefer_has_attribute (tree fndecl, const char *name)
{
  return fndecl && lookup_attribute (name, DECL_ATTRIBUTES (fndecl));
}

tree
cdefer_attribute_args (tree fndecl, const char *name)
{
  tree a = fndecl ? lookup_attribute (name, DECL_ATTRIBUTES (fndecl))
		  : NULL_TREE;
  return a ? TREE_VALUE (a) : NULL_TREE;
}

static void
on_pragmas (void *gcc_data, void *user_data)
{
  cdefer_syntax_init ();
  cdefer_register_pragmas ();
}

static void
on_start_unit (void *gcc_data, void *user_data)
{
  cdefer_syntax_start_unit ();
}

static void
on_pre_genericize (void *gcc_data, void *user_data)
{
  cdefer_process_function ((tree) gcc_data);
}

/* Model ts: code written for the TS includes <stddefer.h>; ours is found
   after every other include directory (the installed copy, else the one
   in the source tree the plugin was built from).  Include chains are put
   together after plugin_init, so adding to them here is in time.  */
static void
add_stddefer_path (void)
{
  const char *dirs[] = { CDEFER_STDDEFER_DIR, CDEFER_STDDEFER_SOURCE_DIR };
  for (unsigned i = 0; i < ARRAY_SIZE (dirs); i++)
    {
      char probe[4096];
      snprintf (probe, sizeof probe, "%s/stddefer.h", dirs[i]);
      if (add_path && access (probe, R_OK) == 0)
	{
	  add_path (xstrdup (dirs[i]), INC_AFTER, 0, true);
	  return;
	}
    }
}

/* The plugin acts in the C front end only (not in cc1plus, lto1, ...).  */
static bool
is_c_front_end (void)
{
  const char *name = lang_hooks.name;
  return strncmp (name, "GNU C", 5) == 0 && strncmp (name, "GNU C++", 7) != 0;
}

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("cdefer: this plugin was built for GCC %s, not for GCC %s; "
	     "build or install the plugin for this compiler",
	     gcc_version.basever, version->basever);
      return 1;
    }
  register_callback (info->base_name, PLUGIN_INFO, NULL, &cdefer_info);
  for (int i = 0; i < info->argc; i++)
    if (!parse_option (&info->argv[i]))
      return 1;
  if (!is_c_front_end () || !parse_in)
    return 0;
  if (cdefer_opts.model == MODEL_TS)
    add_stddefer_path ();
  cdefer_syntax_spool_stdin (info->base_name);
  register_callback (info->base_name, PLUGIN_PRAGMAS, on_pragmas, NULL);
  register_callback (info->base_name, PLUGIN_ATTRIBUTES, on_attributes, NULL);
  register_callback (info->base_name, PLUGIN_START_UNIT, on_start_unit, NULL);
  register_callback (info->base_name, PLUGIN_PRE_GENERICIZE,
		     on_pre_genericize, NULL);
  if (cdefer_opts.trace)
    cdefer_trace_register_roots (info->base_name);
  return 0;
}
