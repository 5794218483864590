/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c - the diagnostics of SPEC section 4 on one analysed function.
   The rules are the core's (core/): describe.c tells it the function, and
   report () prints what it finds the way GCC prints (diag.c), with the
   fix-its rendered as the plugin renders them.  The value rules that have
   not moved to the core yet (escaping-capture here; address-escape and
   defer-before-check in escape.c) run after it.  */

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

static bool
in_unevaluated (int tok)
{
  for (int i = 0; i < F->unevaluated.n; i++)
    {
      Span *s = F->unevaluated.v[i];
      if (tok >= s->first && tok <= s->last)
        return true;
    }
  return false;
}

static void
check_escaping_capture (Node *d)
{
  for (int i = first_use_from (F, d->first); i < F->uses.n; i++)
    {
      Use *u = F->uses.v[i];
      Var *v = u->var;
      if (u->tok > d->last)
        break;
      if (u->tok < d->first || !v || v->kind != B_OBJ
          || v->is_static || v->is_extern || v->file_scope
          || in_unevaluated (u->tok))
        continue;
      for (Node *b = v->block; b; b = b->up)
        {
          if (b == d)
            break;
          if (b == d->owner)
            {
              if (v->block == d->owner)
                break;
              if (diag (DIAG_ESCAPING_CAPTURE, u->tok, v->sym->name))
                {
                  if (v->block->kind == N_BLOCK && !v->block->stmtexpr)
                    diag_fixit_insert (v->block->first, "scope ");
                  diag_note (v->tok, "'%s' is declared in a block that ends "
                             "before the deferred body runs; make that block "
                             "a 'scope'", v->sym->name);
                }
              return;            /* one report per defer */
            }
        }
    }
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
    }
  /* The value rules not in the core yet.  A defer that defer-in-loop
     was reported for gets no escaping-capture (the fix-it cures both).  */
  for (int i = 0; i < F->defers.n; i++)
    {
      Node *d = F->defers.v[i];
      if (d->owner && !cd_defer_in_loop (cd, d->core_id))
        check_escaping_capture (d);
      check_defer_before_check (f, d);
      check_address_escape (f, d);
      F = f;
    }
  cd_func_free (cd);
}
