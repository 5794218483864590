/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gcc-compat.h - the GCC headers the plugin needs, and every difference
   between GCC versions, in one place (as the kernel's gcc-common.h does).
   The rest of the plugin reads as plain logic against one API.  */
#ifndef CDEFER_GCC_COMPAT_H
#define CDEFER_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "tree-iterator.h"
#include "stringpool.h"
#include "attribs.h"
#include "c-family/c-common.h"
#include "c-family/c-pragma.h"
#include "c-tree.h"
#include "langhooks.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "gcc-rich-location.h"
#include "cpplib.h"
#include "function.h"
#include "cgraph.h"
#include "tree-nested.h"
#include "stor-layout.h"
#include "toplev.h"
#include "calls.h"
#include "opts.h"
#include "incpath.h"

#define CDEFER_GCC_MAJOR (GCCPLUGIN_VERSION_MAJOR)

/* Supported: GCC 11 to 16 (tests/gcc-versions/run builds and tests the
   plugin with each, in a Debian sid chroot).  Everything the plugin uses
   from GCC compiles unchanged with the headers of all six versions -- among
   others tree_stmt_iterator/tsi_*, C_MAYBE_CONST_EXPR, the C tree codes
   (FOR_STMT, WHILE_STMT, DO_STMT, SWITCH_STMT, BREAK_STMT, CONTINUE_STMT),
   first_nested_function/next_nested_function, lookup_name,
   lang_hooks.builtin_function_ext_scope, build_fn_decl, cpp_define,
   cpp_lookup, cpp_peek_token, the libcpp callbacks macro_to_expand, undef,
   line_change and define, linemap_resolve_location,
   linemap_position_for_line_and_column, linemap_lookup, expand_location,
   error_at/warning_at/inform with rich_location, gcc_rich_location fix-its
   and auto_diagnostic_group -- so the only shim needed so far is
   cdefer_suppress_warnings below.  A new difference goes here, as
   "#if CDEFER_GCC_MAJOR >= N", never into the .cc files.  */
#if CDEFER_GCC_MAJOR < 11
# error "cdefer: the GCC plugin needs GCC 11 or later"
#endif

/* Symbols that exist only in the C front end (cc1).  The plugin is also
   loaded into cc1plus and lto1 (under -flto the driver passes -fplugin on),
   where these are missing or differently typed; weak references keep the
   module loadable there, and the plugin stays inert outside C.  */
extern cpp_reader *parse_in __attribute__ ((weak));
extern tree lookup_name (tree) __attribute__ ((weak));
extern void c_register_pragma (const char *, const char *, pragma_handler_1arg)
  __attribute__ ((weak));
extern enum cpp_ttype pragma_lex (tree *, location_t *) __attribute__ ((weak));
extern void add_path (char *, incpath_kind, int, bool) __attribute__ ((weak));
extern tree pushdecl (tree) __attribute__ ((weak));
extern stmt_tree current_stmt_tree (void) __attribute__ ((weak));

/* Marking a tree so that GCC does not warn about it.  */
static inline void
cdefer_suppress_warnings (tree t)
{
#if CDEFER_GCC_MAJOR >= 12
  suppress_warning (t);
#else
  TREE_NO_WARNING (t) = 1;
#endif
}

/* -Werror on or off; what it was.  The plugin turns it off around a
   warning exempt by -fplugin-arg-cdefer-no-werror=ID (GCC 14 made the
   diagnostic context's fields private).  */
static inline bool
cdefer_set_warning_as_error (bool on)
{
#if CDEFER_GCC_MAJOR >= 14
  bool was = global_dc->warning_as_error_requested_p ();
  global_dc->set_warning_as_error_requested (on);
#else
  bool was = global_dc->warning_as_error_requested;
  global_dc->warning_as_error_requested = on;
#endif
  return was;
}

/* Attributes: the plugin registers cdefer_retains, cdefer_null_ok and
   cdefer_block one by one with register_attribute, which every version
   keeps (GCC 14 replaced the NULL-terminated attribute_spec arrays by
   scoped tables, but not this entry point).  */

/* Diagnostics output formats are GCC's: -fdiagnostics-format=json works up
   to GCC 15 and is gone in GCC 16 (use sarif-stderr or sarif-file); the
   plugin's messages, locations and fix-its are identical in every format
   and version.  */

#endif
