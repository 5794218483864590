/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c - the diagnostics of SPEC section 4 on one analysed function.
   The rules are the core's (core/): describe.c tells it the function, and
   report () prints what it finds the way GCC prints (diag.c), with the
   fix-its rendered as the plugin renders them.  */

#include "fe.h"
#include "parse.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static Func *F;

/* A fix-it of the core's, as text at the backend's tokens (the plugin
   writes the same text at the same places).  */
static void
render_fixit (const struct cd_diag *d)
{
  int at = (int) d->fix_at, end = (int) d->fix_end;
  switch (d->fixit)
    {
    case CD_FIX_SCOPE_BEFORE:
      diag_fixit_insert (at, opt.keywords_reserved ? "_Scope " : "scope ");
      break;
    case CD_FIX_WRAP_IN_SCOPE:
      diag_fixit_insert (at, opt.keywords_reserved ? "_Scope { " : "scope { ");
      diag_fixit_insert_after (end, " }");
      break;
    case CD_FIX_TAKE:
      diag_fixit_insert (at, "cdefer_take(");
      diag_fixit_insert_after (end, ")");
      break;
    case CD_FIX_MOVE_AFTER:
      /* AT: the defer's first token; END: the last of the `if` */
      for (int i = 0; i < F->defers.n; i++)
        {
          Node *n = F->defers.v[i];
          if (n->first == at)
            diag_fixit_move_line (n->first, n->last, end);
        }
      break;
    default:
      break;
    }
}

/* The core's report callback: false when the diagnostic is suppressed
   (-Wno-cdefer-ID, #pragma cdefer ignore).  */
static bool
report (void *backend, const struct cd_diag *d)
{
  (void) backend;
  if (!diag ((int) d->id, (int) d->loc, d->arg))
    return false;
  render_fixit (d);
  for (int i = 0; i < d->nnotes; i++)
    if (d->notes[i].loc)
      diag_note ((int) d->notes[i].loc, "%s", d->notes[i].text);
  return true;
}

/* Does some other variable of F (or a nested function) bear the name of
   V?  The lowering writes V's name in exit code anywhere in its scope.  */
static bool
name_declared_in (Node *n, Var *v)
{
  for (int i = 0; i < n->vars.n; i++)
    {
      Var *w = n->vars.v[i];
      if (w != v && w->sym == v->sym)
        return true;
    }
  for (int i = 0; i < n->kids.n; i++)
    if (name_declared_in (n->kids.v[i], v))
      return true;
  return false;
}

/* V, when its name means V everywhere in F, else NULL.  */
static Var *
unique_name (Func *f, Var *v)
{
  if (!v)
    return NULL;
  for (int i = 0; i < f->params.n; i++)
    if (f->params.v[i] != v && ((Var *) f->params.v[i])->sym == v->sym)
      return NULL;
  return name_declared_in (f->node, v) ? NULL : v;
}

void
check_function (Func *f)
{
  F = f;
  cd_func *cd = describe_function (f, report, NULL);
  cd_check (cd);
  /* The core decides which defers need a flag (SPEC 3.7); cleanup
     variables keep the lowering's own decision (analyse.c).  */
  for (int i = 0; i < f->defers.n; i++)
    {
      Node *d = f->defers.v[i];
      if (d->owner)
        d->flag = cd_defer_needs_flag (cd, d->core_id);
      if (d->flag)
        d->flag_var = unique_name (f, (Var *) cd_defer_flag_var (cd, d->core_id));
    }
  cd_func_free (cd);
}
