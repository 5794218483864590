/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ignore.c - `#pragma cdefer ignore "ID"` covers the whole statement
   after it (cd_ignore .. cd_ignore_end), and only that ID.  */

#include "harness.h"

/* { defer ...; } as a bare block at LOC, its defer at LOC + 1.  */
static void
plain_block_defer (cd_func *f, cd_loc loc)
{
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_BARE, loc);
  cd_defer (f, loc + 1, loc + 1, false, false);
  cd_close_block (f, loc + 1);
  cd_close_block (f, loc + 2);
}

static void
test_statement_covered (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  /* The pragma before an if statement: a plain block deep inside it.  */
  cd_ignore (f, CD_DIAG_DEFER_IN_PLAIN_BLOCK);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 2);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_IF_ARM, 2);
  plain_block_defer (f, 3);
  cd_close_block (f, 6);
  cd_close_block (f, 6);
  cd_ignore_end (f);
  /* The next statement is not covered.  */
  plain_block_defer (f, 7);
  /* Another ID's pragma covers nothing of this one.  */
  cd_ignore (f, CD_DIAG_EMPTY_DEFER);
  plain_block_defer (f, 10);
  cd_ignore_end (f);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "defer-in-plain-block@8 defer-in-plain-block@11");
  cd_func_free (f);
}

static void
test_calls_and_errors (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_defer (f, 2, 2, false, false);
  cd_close_block (f, 2);
  cd_ignore (f, CD_DIAG_EXIT_SKIPS_DEFER);
  cd_call (f, "exit", false, 3);
  cd_ignore_end (f);
  cd_call (f, "exit", false, 4);
  /* Nested: the outer pragma's ID is still covered inside the inner.  */
  cd_ignore (f, CD_DIAG_EXIT_SKIPS_DEFER);
  cd_ignore (f, CD_DIAG_EMPTY_DEFER);
  cd_defer (f, 5, 5, true, false);
  cd_call (f, "exit", false, 6);
  cd_close_block (f, 6);
  cd_ignore_end (f);
  cd_call (f, "_Exit", false, 7);
  cd_ignore_end (f);
  CHECK (finish_and_check (f) == 0);
  EXPECT_DIAGS (&log, "exit-skips-defer@4");
  cd_func_free (f);

  /* An error is covered the same way, and then not counted.  */
  f = new_func (CD_MODEL_GO, &log);
  cd_ignore (f, CD_DIAG_JUMP_OUT_OF_DEFER);
  cd_defer (f, 2, 2, false, false);
  cd_return (f, 3);
  cd_close_block (f, 3);
  cd_ignore_end (f);
  CHECK (finish_and_check (f) == 0);
  EXPECT_DIAGS (&log, "");
  cd_func_free (f);
}

void
run_ignore_tests (void)
{
  test_statement_covered ();
  test_calls_and_errors ();
}
