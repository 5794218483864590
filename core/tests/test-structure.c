/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-structure.c - the builder of blocks, labels, jumps and calls, and
   the structural rules.  Label keys are the addresses of these strings'
   first characters, as a backend's keys are its own pointers.  */
#include <stdlib.h>

#include "harness.h"

static const char L[] = "L", M[] = "M";

/* void f (void) {
     { g (); }                       -- bare, holds nothing: not dumped
     for (;;) { defer free (p); if (c) break; else continue; }
                                     -- free: not a call the rules need
     do exit (1); while (0);
     switch (x) { case 1: { defer h (); } default: L: ; }
     goto L; &&M; goto *p; M: ;
     asm goto ("" :::: L, M);
     ({ longjmp (b, 1); });
     scope { defer ; }
     return setjmp (b);
   }  */
static void
test_dump_of_structure (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_BARE, 2);
  cd_call (f, "g", false, 2);
  cd_close_block (f, 2);

  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 3);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_LOOP_BODY, 3);
  cd_defer (f, 3, 3, false, false);
  cd_call (f, "free", false, 3);
  cd_close_block (f, 3);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 3);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_IF_ARM, 3);
  cd_break (f, 3);
  cd_close_block (f, 3);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_IF_ARM, 3);
  cd_continue (f, 3);
  cd_close_block (f, 3);
  cd_close_block (f, 3);
  cd_close_block (f, 3);
  cd_close_block (f, 3);

  int loop = cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 4);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_LOOP_BODY, 4);
  cd_call (f, "exit", false, 4);
  cd_close_block (f, 4);
  cd_loop_is_once (f, loop);
  cd_close_block (f, 4);

  cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 5);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_SWITCH_BODY, 5);
  cd_case_label (f, false, 5);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_BARE, 5);
  cd_defer (f, 5, 5, false, false);
  cd_close_block (f, 5);
  cd_close_block (f, 5);
  cd_case_label (f, true, 5);
  cd_label (f, L, "L", 5);
  cd_close_block (f, 5);
  cd_close_block (f, 5);

  cd_goto (f, L, 6);
  cd_label_address (f, M, 6);
  cd_computed_goto (f, 6);
  cd_label (f, M, "M", 6);
  const void *keys[] = { L, M };
  cd_asm_goto (f, keys, 2, 7);
  cd_open_block (f, CD_BLOCK_STMT_EXPR, CD_ROLE_OTHER, 8);
  cd_call (f, "longjmp", false, 8);
  cd_close_block (f, 8);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 9);
  cd_defer (f, 9, 9, true, false);
  cd_close_block (f, 9);
  cd_close_block (f, 9);
  cd_call (f, "setjmp", false, 10);
  cd_call (f, "my_setjmp", true, 10);
  cd_return (f, 10);
  cd_close_block (f, 11);
  EXPECT_DUMP (f,
	       "function {\n"
	       "  loop {\n"
	       "    compound loop-body {\n"
	       "      defer #0 {\n"
	       "      }\n"
	       "      if {\n"
	       "        statement if-arm {\n"
	       "          break\n"
	       "        }\n"
	       "        statement if-arm {\n"
	       "          continue\n"
	       "        }\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "  loop once {\n"
	       "    statement loop-body {\n"
	       "      call exit\n"
	       "    }\n"
	       "  }\n"
	       "  switch {\n"
	       "    compound switch-body {\n"
	       "      case\n"
	       "      compound bare {\n"
	       "        defer #1 {\n"
	       "        }\n"
	       "      }\n"
	       "      default\n"
	       "      label L\n"
	       "    }\n"
	       "  }\n"
	       "  goto L\n"
	       "  &&M\n"
	       "  goto *\n"
	       "  label M\n"
	       "  asm goto L, M\n"
	       "  stmt-expr {\n"
	       "    call longjmp\n"
	       "  }\n"
	       "  scope {\n"
	       "    defer #2 empty {\n"
	       "    }\n"
	       "  }\n"
	       "  call setjmp\n"
	       "  call my_setjmp\n"
	       "  return\n"
	       "}\n");
  cd_func_free (f);
}

/* Non-local gotos: the nested function's side and the outer side.  */
static void
test_dump_of_nonlocal (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_TS, &log);
  const void *keys[] = { L };
  cd_nonlocal_entry (f, "inner", keys, 1, 2);
  cd_defer (f, 3, 3, false, true);
  cd_label (f, L, "L", 3);
  cd_close_block (f, 3);
  cd_close_block (f, 4);
  EXPECT_DUMP (f,
	       "function {\n"
	       "  nonlocal entry inner: L\n"
	       "  defer #0 label-first {\n"
	       "    label L\n"
	       "  }\n"
	       "}\n");
  cd_func_free (f);

  f = new_func (CD_MODEL_GO, &log);
  cd_nonlocal_goto (f, "out", 2);
  cd_close_block (f, 3);
  EXPECT_DUMP (f, "function {\n  nonlocal goto out\n}\n");
  cd_func_free (f);
}

void
run_structure_tests (void)
{
  test_dump_of_structure ();
  test_dump_of_nonlocal ();
}
