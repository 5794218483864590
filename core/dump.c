/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dump.c - the description of one function as text, one line per block
   opening, block closing or event, indented by depth, without locations:
   two backends that read the same program must print the same dump
   (`-fplugin-arg-cdefer-dump-core`, `cdefer check --dump-core`).  */

#include <stdio.h>
#include <stdlib.h>

#include "core-internal.h"

static const char *const block_kind_names[] = {
  "function", "scope", "defer", "stmt-expr", "omp", "compound", "loop",
  "switch", "if", "statement"
};

static const char *const role_names[] = {
  "", " bare", " loop-body", " if-arm", " switch-body", ""
};

static const char *
label_name (cd_func *f, int label)
{
  const char *n = label >= 0 ? LABEL (f, label)->name : NULL;
  return n ? n : "?";
}

static const char *
var_name (cd_func *f, int var)
{
  const char *n = var >= 0 ? VAR (f, var)->name : NULL;
  return n ? n : "?";
}

static const char *const storage_names[] = {
  "auto", "param", "static", "nested-function"
};

static void
print_targets (cd_func *f, FILE *out, int first, int n)
{
  for (int i = 0; i < n; i++)
    fprintf (out, "%s%s", i ? ", " : " ", label_name (f, TARGET (f, first + i)));
}

static void
print_event (cd_func *f, FILE *out, struct cd_event *e)
{
  switch (e->kind)
    {
    case CD_EV_DEFER:
      break;		/* printed as its body's block */
    case CD_EV_LABEL:
      fprintf (out, "label %s", label_name (f, e->ref));
      break;
    case CD_EV_CASE:
      fputs (e->flag ? "default" : "case", out);
      break;
    case CD_EV_LABEL_ADDRESS:
      fprintf (out, "&&%s", label_name (f, e->ref));
      break;
    case CD_EV_GOTO:
      fprintf (out, "goto %s", label_name (f, e->ref));
      break;
    case CD_EV_COMPUTED_GOTO:
      fputs ("goto *", out);
      break;
    case CD_EV_ASM_GOTO:
      fputs ("asm goto", out);
      print_targets (f, out, e->ref, e->nref);
      break;
    case CD_EV_BREAK:
      fputs ("break", out);
      break;
    case CD_EV_CONTINUE:
      fputs ("continue", out);
      break;
    case CD_EV_RETURN:
      fputs ("return", out);
      break;
    case CD_EV_NONLOCAL_GOTO:
      fprintf (out, "nonlocal goto %s", e->name ? e->name : "?");
      break;
    case CD_EV_NONLOCAL_ENTRY:
      fprintf (out, "nonlocal entry %s:", e->name ? e->name : "?");
      print_targets (f, out, e->ref, e->nref);
      break;
    case CD_EV_CALL:
      fprintf (out, "call %s", e->name ? e->name : "?");
      break;
    case CD_EV_VAR:
      {
	struct cd_var_rec *v = VAR (f, e->ref);
	fprintf (out, "var %s %s%s%s%s", var_name (f, e->ref),
		 storage_names[v->storage],
		 v->flags & CD_VAR_ARRAY ? " array" : "",
		 v->flags & CD_VAR_POINTER ? " pointer" : "",
		 v->flags & CD_VAR_VLA ? " vla" : "");
	break;
      }
    case CD_EV_USE:
      fprintf (out, "use %s%s", var_name (f, e->ref),
	       e->flag ? " unevaluated" : "");
      break;
    }
  fputc ('\n', out);
}

static void
print_block_open (cd_func *f, FILE *out, int b)
{
  struct cd_block *k = BLOCK (f, b);
  fputs (block_kind_names[k->kind], out);
  fputs (role_names[k->role], out);
  if (k->once)
    fputs (" once", out);
  if (k->defer >= 0)
    {
      struct cd_defer_rec *d = DEFER (f, k->defer);
      fprintf (out, " #%d", k->defer);
      if (d->empty)
	fputs (" empty", out);
      if (d->starts_with_label)
	fputs (" label-first", out);
    }
  fputs (" {\n", out);
}

/* A bare compound statement that directly holds no defer and declares
   nothing matters to no rule, and the plugin cannot see it: leave it
   out.  */
static bool *
blocks_to_print (cd_func *f)
{
  bool *shown = calloc (f->blocks.n + 1, sizeof *shown);
  if (!shown)
    abort ();
  for (int b = 0; b < f->blocks.n; b++)
    shown[b] = !(BLOCK (f, b)->kind == CD_BLOCK_COMPOUND
		 && BLOCK (f, b)->role == CD_ROLE_BARE);
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->kind == CD_EV_DEFER || EVENT (f, i)->kind == CD_EV_VAR)
      shown[EVENT (f, i)->block] = true;
  return shown;
}

void
cd_dump (cd_func *f, void *stream)
{
  FILE *out = stream;
  /* What happens at each position: ~B block B opens, B block closes,
     E event.  */
  int n = f->pos + 1;
  int *what = malloc (n * sizeof *what);
  char *type = calloc (n, 1);
  bool *shown = blocks_to_print (f);
  if (!what || !type)
    abort ();
  for (int b = 0; b < f->blocks.n; b++)
    {
      type[BLOCK (f, b)->first_pos] = 'o';
      what[BLOCK (f, b)->first_pos] = b;
      if (BLOCK (f, b)->last_pos)
	{
	  type[BLOCK (f, b)->last_pos] = 'c';
	  what[BLOCK (f, b)->last_pos] = b;
	}
    }
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->kind != CD_EV_DEFER)
      {
	type[EVENT (f, i)->pos] = 'e';
	what[EVENT (f, i)->pos] = i;
      }
  int depth = 0;
  for (int p = 1; p < n; p++)
    {
      if (!type[p] || (type[p] != 'e' && !shown[what[p]]))
	continue;
      if (type[p] == 'c')
	depth--;
      fprintf (out, "%*s", 2 * depth, "");
      if (type[p] == 'o')
	{
	  print_block_open (f, out, what[p]);
	  depth++;
	}
      else if (type[p] == 'c')
	fputs ("}\n", out);
      else
	print_event (f, out, EVENT (f, what[p]));
    }
  free (what);
  free (type);
  free (shown);
}
