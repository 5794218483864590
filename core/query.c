/* SPDX-License-Identifier: GPL-3.0-or-later */
/* query.c - questions about a description, for tools that rewrite code
   (cdefer migrate): which block holds a defer, which defer scope it
   registers with, whether a block is a defer scope in a model.  The
   answers are the builder's own records; nothing is decided twice.  */

#include "core-internal.h"

int
cd_block_count (cd_func *f)
{
  return f->blocks.n;
}

void
cd_block_info (cd_func *f, int b, struct cd_block_info *out)
{
  struct cd_block *k = BLOCK (f, b);
  out->kind = k->kind;
  out->role = k->role;
  out->parent = k->parent;
  out->loc = k->loc;
  out->end = k->end;
}

/* The model is F's own unless asked otherwise: a tool that reads code
   written for one model and writes it for the other asks about both.  */
bool
cd_block_is_defer_scope (cd_func *f, int b, enum cd_model model)
{
  enum cd_model own = f->model;
  f->model = model;
  bool yes = cd_is_defer_scope (f, b);
  f->model = own;
  return yes;
}

bool
cd_block_within (cd_func *f, int outer, int b)
{
  return cd_block_contains (f, outer, b);
}

int
cd_defer_count (cd_func *f)
{
  return f->defers.n;
}

int
cd_defer_block (cd_func *f, int defer)
{
  return EVENT (f, DEFER (f, defer)->event)->block;
}

int
cd_defer_owner (cd_func *f, int defer)
{
  return DEFER (f, defer)->owner;
}

cd_loc
cd_defer_loc (cd_func *f, int defer)
{
  return DEFER (f, defer)->loc;
}
