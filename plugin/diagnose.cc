/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diagnose.cc - every cdefer diagnostic goes through cdefer_report.

   Messages and IDs come from the shared catalogue (diagnostics.def), so
   the plugin and the front end print the same text.  Each message ends in
   "[cdefer-ID]"; warnings can be turned off or made errors per ID.  */

#include "cdefer-internal.h"

/* Per warning ID, as GCC's -Wno-ID, -Werror=ID and -Wno-error=ID: off,
   and made an error or kept a warning under -Werror.  */
enum control { CONTROL_DEFAULT, CONTROL_ERROR, CONTROL_NO_ERROR };
static bool ignored_at (enum cdefer_diag_id id, location_t loc);
static bool off[CDEFER_DIAG_COUNT];
static enum control controls[CDEFER_DIAG_COUNT];

const char *
cdefer_diag_id_name (enum cdefer_diag_id id)
{
  return cd_diag_id_name ((enum cd_diag_id) id);
}

static int
find_id (const char *name, size_t len)
{
  for (int i = 0; i < CDEFER_DIAG_COUNT; i++)
    if (strlen (cd_diag_id_name ((enum cd_diag_id) i)) == len
	&& memcmp (cd_diag_id_name ((enum cd_diag_id) i), name, len) == 0)
      return i;
  return -1;
}

/* -fplugin-arg-cdefer-no-warn=ID[,ID], -werror=ID[,ID] and
   -no-werror=ID[,ID] (HOW: 'n', 'e', 'w'); the last for an ID wins, and
   werror turns it on, as GCC's -Werror=ID.  Only warnings can be
   controlled; returns false on an unknown or error ID.  */
bool
cdefer_diag_set_control (const char *list, char how)
{
  const char *p = list;
  while (*p)
    {
      const char *end = strchr (p, ',');
      size_t len = end ? (size_t) (end - p) : strlen (p);
      int i = find_id (p, len);
      if (i < 0 || cd_diag_is_error ((enum cd_diag_id) i))
	{
	  error ("cdefer: %qs is not a cdefer warning ID", xstrndup (p, len));
	  return false;
	}
      if (how == 'n')
	off[i] = true;
      else if (how == 'e')
	off[i] = false, controls[i] = CONTROL_ERROR;
      else
	controls[i] = CONTROL_NO_ERROR;
      p += len;
      if (*p == ',')
	p++;
    }
  return true;
}

location_t
cdefer_user_location (location_t loc)
{
  return linemap_resolve_location (line_table, loc,
				   LRK_MACRO_EXPANSION_POINT, NULL);
}

bool
cdefer_report (enum cdefer_diag_id id, location_t loc, rich_location *rich,
	       ...)
{
  enum cd_diag_id cid = (enum cd_diag_id) id;
  /* Errors cannot be silenced: the code would then be lowered with a
     meaning the checks exist to rule out.  */
  if (!cd_diag_is_error (cid) && (off[id] || ignored_at (id, loc)))
    return false;
  char text[1024];
  va_list ap;
  va_start (ap, rich);
  vsnprintf (text, sizeof text, cd_diag_message (cid), ap);
  va_end (ap);

  rich_location plain (line_table, cdefer_user_location (loc));
  if (!rich)
    rich = &plain;
  else
    rich->set_range (0, cdefer_user_location (loc), SHOW_RANGE_WITH_CARET);
  bool as_error = cd_diag_is_error (cid) || controls[id] == CONTROL_ERROR;
  if (as_error)
    {
      error_at (rich, "%s [cdefer-%s]", text, cd_diag_id_name (cid));
      return true;
    }
  if (controls[id] != CONTROL_NO_ERROR)
    return warning_at (rich, 0, "%s [cdefer-%s]", text, cd_diag_id_name (cid));
  bool was = cdefer_set_warning_as_error (false);
  bool shown = warning_at (rich, 0, "%s [cdefer-%s]", text,
			   cd_diag_id_name (cid));
  cdefer_set_warning_as_error (was);
  return shown;
}

/* The keyword the fix-its insert: `_Scope` when the plain spelling is
   off.  */
static const char *
scope_keyword (void)
{
  return cdefer_opts.reserved_keywords ? "_Scope" : "scope";
}

/* defer-before-check: move the defer statement at DEFER (alone on its
   line) to the line after the `if` statement at CHECK (GCC takes only
   whole-line insertions of new lines).  */
static void
add_move_after_fixit (rich_location *rich, location_t defer, location_t check)
{
  long d_start, d_end, if_end, insert_at;
  char text[512];
  if (!cdefer_statement_text (defer, true, &d_start, &d_end, text,
			      sizeof text)
      || !cdefer_statement_text (check, false, NULL, &if_end, NULL, 0)
      || (insert_at = cdefer_start_of_next_line (defer, if_end)) < 0)
    return;
  location_t from = cdefer_location_of_offset (defer, d_start);
  location_t to = cdefer_location_of_offset (defer, d_end);
  location_t ins = cdefer_location_of_offset (defer, insert_at);
  if (from == UNKNOWN_LOCATION || to == UNKNOWN_LOCATION
      || ins == UNKNOWN_LOCATION)
    return;
  rich->add_fixit_remove (source_range::from_locations (from, to));
  rich->add_fixit_insert_before (ins, text);
}

/* released-value-escapes: `return NAME;` becomes
   `return cdefer_take(NAME);`.  AT is the returned expression; the text
   there must be NAME, perhaps in parentheses, and then the `;`.  */
static void
add_take_fixit (rich_location *rich, location_t at, const char *name)
{
  long last;
  if (!name || !cdefer_text_is_name_then_semicolon (at, name, &last))
    return;
  location_t end = cdefer_location_of_offset (at, last);
  if (end == UNKNOWN_LOCATION)
    return;
  rich->add_fixit_insert_before (at, "cdefer_take(");
  rich->add_fixit_insert_after (end, ")");
}

/* The fix-it the core asks for, as text, where the source holds what it
   should (a `{` before which to insert; a statement to wrap).  .i input
   gets none: its columns are not the source's.  */
static void
add_core_fixit (rich_location *rich, const struct cd_diag *d)
{
  location_t at = (location_t) d->fix_at, end = (location_t) d->fix_end;
  if (cdefer_preprocessed_input || at == UNKNOWN_LOCATION)
    return;
  char text[32];
  switch (d->fixit)
    {
    case CD_FIX_SCOPE_BEFORE:
      if (cdefer_char_at (at) != '{')
	return;
      snprintf (text, sizeof text, "%s ", scope_keyword ());
      rich->add_fixit_insert_before (at, text);
      return;
    case CD_FIX_WRAP_IN_SCOPE:
      if (end == UNKNOWN_LOCATION)
	return;
      snprintf (text, sizeof text, "%s { ", scope_keyword ());
      rich->add_fixit_insert_before (at, text);
      rich->add_fixit_insert_after (end, " }");
      return;
    case CD_FIX_MOVE_AFTER:
      add_move_after_fixit (rich, at, end);
      return;
    case CD_FIX_TAKE:
      add_take_fixit (rich, at, d->arg);
      return;
    default:
      return;
    }
}

bool
cdefer_report_core (void *, const struct cd_diag *d)
{
  location_t loc = (location_t) d->loc;
  /* A use of a variable is located at the expression around it (the
     trees have no location for the mention itself): the name is there. */
  if (d->id == CD_DIAG_ESCAPING_CAPTURE)
    loc = cdefer_word_from (loc, d->arg);
  gcc_rich_location rich (cdefer_user_location (loc));
  add_core_fixit (&rich, d);
  auto_diagnostic_group group;
  bool shown = cdefer_report ((enum cdefer_diag_id) d->id, loc, &rich,
			      d->arg);
  for (int i = 0; shown && i < d->nnotes; i++)
    if (d->notes[i].loc)
      cdefer_note ((location_t) d->notes[i].loc, "%s", d->notes[i].text);
  return shown;
}

void
cdefer_note (location_t loc, const char *fmt, ...)
{
  char text[1024];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (text, sizeof text, fmt, ap);
  va_end (ap);
  inform (cdefer_user_location (loc), "%s", text);
}

/* ---- #pragma cdefer ignore "ID" ----

   The pragma silences one diagnostic at the statement that follows it:
   a diagnostic is dropped when it is located on the first line of code
   after the pragma's line (or on that line itself: `_Pragma` in a macro
   sits on the line of the macro's use).  */

struct ignore_site
{
  const char *file;
  int first_line, last_line;
  int id;
  bool told;			/* cdefer_ignores_at gave it to a statement */
};

static vec<ignore_site> ignore_sites;

/* The first line after LINE in FILE that holds code (not blank, not only
   a comment, not a directive), or LINE + 1.  */
static int
next_code_line (const char *file, int line)
{
  int len;
  for (int l = line + 1; l < line + 50; l++)
    {
      const char *s = cdefer_source_line (file, l, &len);
      if (!s)
	break;
      int i = 0;
      while (i < len && ISSPACE (s[i]))
	i++;
      if (i == len || s[i] == '#' || (i + 1 < len && s[i] == '/'
				      && (s[i + 1] == '/' || s[i + 1] == '*')))
	continue;
      return l;
    }
  return line + 1;
}

static void
handle_pragma_cdefer_ignore (cpp_reader *)
{
  tree str;
  location_t loc;
  enum cpp_ttype t = pragma_lex (&str, &loc);
  if (t != CPP_STRING)
    {
      warning_at (loc, OPT_Wpragmas,
		  "expected a string after %<#pragma cdefer ignore%>");
      return;
    }
  const char *name = TREE_STRING_POINTER (str);
  int id = find_id (name, strlen (name));
  if (id < 0 || cd_diag_is_error ((enum cd_diag_id) id))
    {
      warning_at (loc, OPT_Wpragmas, "%qs is not a cdefer warning ID "
		  "(errors cannot be ignored)", name);
      return;
    }
  if (pragma_lex (&str) != CPP_EOF)
    warning_at (loc, OPT_Wpragmas, "junk at end of %<#pragma cdefer ignore%>");
  expanded_location x = expand_location (cdefer_user_location (loc));
  if (!x.file)
    return;
  struct ignore_site site = { xstrdup (x.file), x.line,
			      next_code_line (x.file, x.line), id, false };
  ignore_sites.safe_push (site);
}

static bool
ignored_at (enum cdefer_diag_id id, location_t loc)
{
  if (ignore_sites.is_empty ())
    return false;
  expanded_location x = expand_location (cdefer_user_location (loc));
  if (!x.file)
    return false;
  for (unsigned i = 0; i < ignore_sites.length (); i++)
    if (ignore_sites[i].id == (int) id
	&& (x.line == ignore_sites[i].first_line
	    || x.line == ignore_sites[i].last_line)
	&& strcmp (x.file, ignore_sites[i].file) == 0)
      return true;
  return false;
}

/* The whole statement after the pragma: the walker asks, for each
   statement it meets, which sites' first line of code the statement
   starts on; a site goes to the first such statement only.  The core
   then drops the diagnostics of that ID about the statement's events
   (cd_ignore), wherever in the statement they are.  */
int
cdefer_ignores_at (location_t loc, int *ids, int max)
{
  if (ignore_sites.is_empty () || loc == UNKNOWN_LOCATION)
    return 0;
  expanded_location x = expand_location (cdefer_user_location (loc));
  if (!x.file)
    return 0;
  int n = 0;
  for (unsigned i = 0; i < ignore_sites.length () && n < max; i++)
    {
      struct ignore_site *site = &ignore_sites[i];
      if (!site->told && x.line == site->last_line
	  && strcmp (x.file, site->file) == 0)
	{
	  site->told = true;
	  ids[n++] = site->id;
	}
    }
  return n;
}

void
cdefer_register_pragmas (void)
{
  if (c_register_pragma)
    c_register_pragma ("cdefer", "ignore", handle_pragma_cdefer_ignore);
}
