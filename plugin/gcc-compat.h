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

/* A plugin attribute table: GCC 14 replaced the NULL-terminated arrays by
   scoped tables.  Only declared here; see cdefer-plugin.cc.  */

#endif
