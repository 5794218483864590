/* SPDX-License-Identifier: MIT */
/* cdefer/ide.h - cdefer's syntax as ordinary C, for tools that parse C
   without cdefer: clangd, ccls, IDE indexers, static analysers.

   Not for compiling: the expansions keep each deferred statement where it
   is written and never run it, so the tool resolves every name in it
   (go-to-definition, hover, find-references, completion) but the program
   would not behave.  The header does nothing unless __CDEFER_IDE__ is
   defined and cdefer itself is not active (__CDEFER__ undefined), so a
   stray -include of it in a real build changes nothing.  `cdefer compdb`
   adds `-D__CDEFER_IDE__ -include <this file>` to every command of a
   compile_commands.json; docs/editors.md has the .clangd recipe.

   What it cannot do: a macro cannot look at the next token, so while the
   plain spellings `defer` and `scope` are defined, they cannot also name a
   variable, function, member, tag or label (cdefer's contextual keywords
   can).  Define CDEFER_IDE_KEYWORDS_RESERVED (cdefer compdb does when the
   build uses keywords=reserved) to keep only _Defer and _Scope, or
   CDEFER_IDE_NAME_DEFER / CDEFER_IDE_NAME_SCOPE to leave one word a name.
   Model ts gets `defer` from <stddefer.h>, as in the build.  */
#ifndef CDEFER_IDE_H
#define CDEFER_IDE_H

#if defined(__CDEFER_IDE__) && !defined(__CDEFER__)
/* As a system header: its reserved names and the expansions of its
   macros give no warnings of their own (-Wreserved-macro-identifier).  */
#pragma GCC system_header

/* What the plugin and the front end predefine, so that code written as
   `#ifdef __CDEFER__ ... #else ... #endif` shows its cdefer branch.  */
#define __CDEFER__ 100
#if !defined(__CDEFER_MODEL_TS__) && !defined(__CDEFER_MODEL_GO__)
#define __CDEFER_MODEL_GO__ 1
#endif

/* `_Defer STMT`: a loop that never runs takes any statement as its body,
   has no `else` to steal from an enclosing `if`, and makes the tool check
   the statement as the code it is.  Its condition is a variable that is
   never defined (nothing is linked), not 0: -Wunreachable-code would
   flag every deferred statement.  */
extern int __cdefer_ide_never;
#define _Defer for (; __cdefer_ide_never;)
/* `_Scope STMT`: the statement itself.  */
#define _Scope

#ifndef CDEFER_IDE_KEYWORDS_RESERVED
#if !defined(__CDEFER_MODEL_TS__) && !defined(CDEFER_IDE_NAME_DEFER)
#define defer _Defer
#endif
#ifndef CDEFER_IDE_NAME_SCOPE
#define scope _Scope
#endif
#endif

/* The plugin's attributes (GCC registers them; other tools would warn
   "unknown attribute"): an empty attribute is valid in __attribute__.  */
#define cdefer_retains(...)
#define cdefer_releases(...)
#define cdefer_null_ok
#define __cdefer_retains__(...)
#define __cdefer_releases__(...)
#define __cdefer_null_ok__

/* `#pragma cdefer ignore "ID"` is the plugin's; tools warn about unknown
   pragmas under -Wall.  */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wunknown-pragmas"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunknown-pragmas"
#endif

#endif /* __CDEFER_IDE__ && !__CDEFER__ */
#endif /* CDEFER_IDE_H */
