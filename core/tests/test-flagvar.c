/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flagvar.c - cd_defer_flag_var (flagvar.c): which conditional
   defers may use the guarded variable as their flag.  */

#include "harness.h"

static char v, c;

enum variant
{
  PATTERN,			/* int v = 0; if (c) { v = E; if (!v) return; defer } */
  NOT_ZERO_TEST,		/* if (v < 0) return;  */
  ASSIGNED_LATER,		/* v = 0; after the if */
  ADDRESS_TAKEN,		/* &v after the if */
  NO_JUMP,			/* if (!v) ;  (the arm does not leave) */
  LABEL_BETWEEN,		/* a label between v's initializer and the defer */
  SETJMP			/* the function calls setjmp */
};

static struct cd_expr
ex (enum cd_expr_kind k, const void *var, bool bare)
{
  struct cd_expr e = { k, var, 0, bare };
  return e;
}

/* Describe the pattern, broken as VARIANT says; the defer's id.  */
static int
describe (cd_func *f, enum variant variant)
{
  static char L;
  cd_var (f, &v, "v", 2, CD_AUTO, 0);
  cd_var (f, &c, "c", 2, CD_AUTO, 0);
  cd_assign (f, ex (CD_EXPR_VAR, &v, true), ex (CD_EXPR_CONST, NULL, false), 2);
  if (variant == LABEL_BETWEEN)
    cd_label (f, &L, "L", 2);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 3);
  cd_use (f, &c, 3, CD_USE_READ);
  cd_test (f, &c, false, 3, 3);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_IF_ARM, 3);
  cd_assign (f, ex (CD_EXPR_VAR, &v, true), ex (CD_EXPR_CALL, NULL, false), 4);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 5);
  cd_use (f, &v, 5, CD_USE_READ);
  cd_test (f, &v, true, 5, 5);
  if (variant != NOT_ZERO_TEST)
    cd_test_zero (f);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_IF_ARM, 6);
  if (variant != NO_JUMP)
    cd_return (f, 6);
  cd_close_block (f, 6);
  cd_close_block (f, 6);
  int d = cd_defer (f, 7, 7, false, false);
  cd_close_block (f, 7);
  cd_close_block (f, 8);
  cd_close_block (f, 8);
  if (variant == ASSIGNED_LATER)
    cd_assign (f, ex (CD_EXPR_VAR, &v, true), ex (CD_EXPR_CONST, NULL, false),
	       9);
  if (variant == ADDRESS_TAKEN)
    cd_use (f, &v, 9, CD_USE_ADDRESS);
  if (variant == SETJMP)
    cd_set_calls_setjmp (f, true);
  cd_return (f, 10);
  return d;
}

void
run_flagvar_tests (void)
{
  for (int variant = PATTERN; variant <= SETJMP; variant++)
    {
      struct diag_log log;
      cd_func *f = new_func (CD_MODEL_GO, &log);
      int d = describe (f, variant);
      finish_and_check (f);
      CHECK (cd_defer_needs_flag (f, d));
      const void *var = cd_defer_flag_var (f, d);
      if (variant == PATTERN)
	CHECK (var == &v);
      else if (var != NULL)
	{
	  fprintf (stderr, "flagvar variant %d: a flag variable\n", variant);
	  CHECK (var == NULL);
	}
      cd_func_free (f);
    }
}
