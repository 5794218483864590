/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dump.c - the description of one function as text, one line per block
   opening, block closing or event, indented by depth, without locations:
   two backends that read the same program must print the same dump
   (`-fplugin-arg-cdefer-dump-core`, `cdefer check --dump-core`).  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* An expression of the value events: v, &v, v.m (v's storage), *v
   (through v), call, a constant, or ?.  */
static void
print_expr (cd_func *f, FILE *out, const struct cd_xexpr *x)
{
  switch (x->kind)
    {
    case CD_EXPR_VAR:
      /* not whether it is bare: the plugin cannot tell a cast from an
	 implicit conversion (its renderer checks the text instead) */
      fputs (var_name (f, x->var), out);
      break;
    case CD_EXPR_ADDRESS:
      fprintf (out, "&%s", var_name (f, x->var));
      break;
    case CD_EXPR_MEMBER:
      fprintf (out, "%s.m", var_name (f, x->var));
      break;
    case CD_EXPR_DEREF:
      fprintf (out, "*%s", var_name (f, x->var));
      break;
    case CD_EXPR_CALL:
      fputs ("call", out);
      break;
    case CD_EXPR_CONST:
      fprintf (out, "%lld", x->value);
      break;
    default:
      fputs ("?", out);
    }
}

static const char *const use_names[] = { "", " address", " unevaluated" };

static void
print_value_event (cd_func *f, FILE *out, struct cd_event *e)
{
  struct cd_value_rec *r = &CD_AT (f->values, struct cd_value_rec, e->value);
  switch (e->kind)
    {
    case CD_EV_ASSIGN:
      fputs ("assign ", out);
      print_expr (f, out, &r->a);
      fputs (" = ", out);
      print_expr (f, out, &r->b);
      break;
    case CD_EV_ARG:
      fprintf (out, "arg %s #%d ", r->fn, r->index + 1);
      print_expr (f, out, &r->a);
      fprintf (out, "%s%s", r->flags & CD_ARG_RETAINED ? " retained" : "",
	       r->flags & CD_ARG_RELEASED ? " released" : "");
      break;
    case CD_EV_RETURN_VALUE:
      fputs ("return-value ", out);
      print_expr (f, out, &r->a);
      break;
    default:
      fprintf (out, "test %s%s", var_name (f, r->var),
	       r->failure ? " failure" : "");
    }
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
	/* CD_VAR_POINTER is informative: the front end cannot tell a
	   typedef'd pointer.  */
	fprintf (out, "var %s %s%s%s", var_name (f, e->ref),
		 storage_names[v->storage],
		 v->flags & CD_VAR_ARRAY ? " array" : "",
		 v->flags & CD_VAR_VLA ? " vla" : "");
	break;
      }
    case CD_EV_USE:
      fprintf (out, "use %s%s", var_name (f, e->ref), use_names[e->value]);
      break;
    case CD_EV_ASSIGN:
    case CD_EV_ARG:
    case CD_EV_RETURN_VALUE:
    case CD_EV_TEST:
      print_value_event (f, out, e);
      break;
    }
  fputc ('\n', out);
}

/* What cd_defer_call said about the body of defer D.  */
static void
print_deferred_call (cd_func *f, FILE *out, int d)
{
  for (int i = 0; i < f->dcalls.n; i++)
    {
      struct cd_dcall_rec *c = &CD_AT (f->dcalls, struct cd_dcall_rec, i);
      if (c->defer != d)
	continue;
      fputs (" calls ", out);
      if (c->conditional && c->cond_var >= 0)
	fprintf (out, "if (%s %s %lld) ", var_name (f, c->cond_var),
		 c->cond_equal ? "==" : "!=", c->cond_value);
      else if (c->conditional)
	fputs ("if (?) ", out);
      fprintf (out, "%s (", c->fn ? c->fn : "?");
      for (int a = 0; a < c->nargs; a++)
	{
	  fputs (a ? ", " : "", out);
	  print_expr (f, out, &c->args[a]);
	  if (a < 64 && (c->releases >> a & 1))
	    fputs (" released", out);
	}
      fprintf (out, ")%s", c->null_ok ? " null-ok" : "");
    }
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
      print_deferred_call (f, out, k->defer);
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

/* The variables declared in block B, by name: where in the block a
   reader declares them does not matter (cd_var), so neither does their
   order.  */
static void
print_vars_of (cd_func *f, FILE *out, int b, int depth)
{
  int *ids = malloc ((f->events.n + 1) * sizeof *ids), n = 0;
  if (!ids)
    abort ();
  for (int i = 0; i < f->events.n; i++)
    if (EVENT (f, i)->kind == CD_EV_VAR && EVENT (f, i)->block == b)
      ids[n++] = i;
  for (int i = 1; i < n; i++)	/* insertion sort: a block has few */
    for (int j = i; j > 0
	 && strcmp (var_name (f, EVENT (f, ids[j - 1])->ref),
		    var_name (f, EVENT (f, ids[j])->ref)) > 0; j--)
      {
	int t = ids[j];
	ids[j] = ids[j - 1];
	ids[j - 1] = t;
      }
  for (int i = 0; i < n; i++)
    {
      fprintf (out, "%*s", 2 * depth, "");
      print_event (f, out, EVENT (f, ids[i]));
    }
  free (ids);
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
    if (EVENT (f, i)->kind != CD_EV_DEFER && EVENT (f, i)->kind != CD_EV_VAR)
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
	  print_vars_of (f, out, what[p], depth);
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
