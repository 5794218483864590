/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-structure.c - the builder of blocks, labels, jumps and calls, and
   the structural rules.  Label keys are the addresses of these strings'
   first characters, as a backend's keys are its own pointers.  */
#include <stdlib.h>
#include <string.h>

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


/* ---- the rules ---- */

/* Shorthands for the descriptions below: a compound statement with role
   R at location LOC; close with end ().  */
static void
open_compound (cd_func *f, enum cd_block_role r, cd_loc loc)
{
  cd_open_block (f, CD_BLOCK_COMPOUND, r, loc);
}

static void
end (cd_func *f)
{
  cd_close_block (f, 0);
}

/* `defer f ();` at LOC: a defer whose body is one call.  */
static int
simple_defer (cd_func *f, cd_loc loc)
{
  int d = cd_defer (f, loc, loc, false, false);
  end (f);
  return d;
}

/* for (...) { defer f (); defer g (); }  and a braceless while.  */
static void
test_defer_in_loop (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 2);
  open_compound (f, CD_ROLE_LOOP_BODY, 3);
  simple_defer (f, 4);
  simple_defer (f, 5);
  cd_close_block (f, 6);
  end (f);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 7);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_LOOP_BODY, 8);
  simple_defer (f, 8);
  cd_close_block (f, 9);
  end (f);
  CHECK (finish_and_check (f) == 3);
  EXPECT_DIAGS (&log, "defer-in-loop@4 defer-in-loop@5 defer-in-loop@8");
  /* One fix-it per loop: the first defer's.  */
  CHECK (log.d[0].fixit == CD_FIX_SCOPE_BEFORE && log.d[0].fix_at == 3);
  CHECK (log.d[1].fixit == CD_FIX_NONE);
  CHECK (log.d[2].fixit == CD_FIX_WRAP_IN_SCOPE && log.d[2].fix_at == 8
	 && log.d[2].fix_end == 9);
  CHECK (log.d[0].nnotes == 1 && log.d[0].note_loc[0] == 2);
  cd_func_free (f);
}

/* Not a loop for the rule: do { } while (0); a loop inside the defer's
   scope; model ts (the body is a scope).  */
static void
test_defer_in_loop_negatives (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  int loop = cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 2);
  open_compound (f, CD_ROLE_LOOP_BODY, 2);
  simple_defer (f, 3);
  end (f);
  cd_loop_is_once (f, loop);
  end (f);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 4);
  open_compound (f, CD_ROLE_LOOP_BODY, 4);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 5);
  simple_defer (f, 5);
  end (f);
  end (f);
  end (f);
  CHECK (finish_and_check (f) == 0);
  EXPECT_DIAGS (&log, "");
  cd_func_free (f);

  f = new_func (CD_MODEL_TS, &log);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 2);
  open_compound (f, CD_ROLE_LOOP_BODY, 2);
  simple_defer (f, 3);
  end (f);
  end (f);
  CHECK (finish_and_check (f) == 0);
  EXPECT_DIAGS (&log, "");
  cd_func_free (f);
}

/* { defer f (); }, L: { defer f (); }, and not: if arms, switch bodies,
   `{ scope defer f (); }`, model ts.  */
static void
test_defer_in_plain_block (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  open_compound (f, CD_ROLE_BARE, 2);
  simple_defer (f, 3);
  end (f);
  cd_label (f, L, "L", 4);
  open_compound (f, CD_ROLE_BARE, 5);
  simple_defer (f, 6);
  end (f);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 7);
  open_compound (f, CD_ROLE_IF_ARM, 7);
  simple_defer (f, 7);
  end (f);
  end (f);
  open_compound (f, CD_ROLE_BARE, 8);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 8);
  simple_defer (f, 8);
  end (f);
  end (f);
  cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 9);
  open_compound (f, CD_ROLE_SWITCH_BODY, 9);
  cd_case_label (f, false, 10);
  simple_defer (f, 10);
  end (f);
  end (f);
  CHECK (finish_and_check (f) == 0);
  EXPECT_DIAGS (&log, "defer-in-plain-block@3 defer-in-plain-block@6");
  CHECK (log.d[0].fixit == CD_FIX_SCOPE_BEFORE && log.d[0].fix_at == 2);
  CHECK (log.d[0].nnotes == 1 && log.d[0].note_loc[0] == 2);
  cd_func_free (f);

  f = new_func (CD_MODEL_TS, &log);
  open_compound (f, CD_ROLE_BARE, 2);
  simple_defer (f, 3);
  end (f);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "");
  cd_func_free (f);
}

static void
test_empty_defer_and_body_label (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_defer (f, 2, 2, true, false);
  end (f);
  cd_defer (f, 3, 3, false, true);
  cd_label (f, L, "L", 3);
  end (f);
  CHECK (finish_and_check (f) == 1);
  EXPECT_DIAGS (&log, "empty-defer@2 defer-body-label@3");
  cd_func_free (f);

  /* A suppressed warning is not counted and not an error.  */
  f = new_func (CD_MODEL_GO, &log);
  log.suppress[CD_DIAG_EMPTY_DEFER] = true;
  cd_defer (f, 2, 2, true, false);
  end (f);
  CHECK (finish_and_check (f) == 0);
  EXPECT_DIAGS (&log, "");
  cd_func_free (f);
}

/* return, break, continue, goto out of a deferred body; and the ones that
   stay inside.  */
static void
test_jump_out_of_defer (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 2);
  open_compound (f, CD_ROLE_LOOP_BODY, 2);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 3);
  cd_defer (f, 4, 4, false, false);
  cd_return (f, 5);
  cd_break (f, 6);
  cd_continue (f, 7);
  cd_goto (f, L, 8);
  cd_goto (f, M, 9);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 10);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_LOOP_BODY, 10);
  cd_break (f, 10);
  end (f);
  end (f);
  cd_label (f, M, "M", 11);
  end (f);
  end (f);
  end (f);
  end (f);
  cd_label (f, L, "L", 12);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "jump-out-of-defer@5 jump-out-of-defer@6 "
		"jump-out-of-defer@7 jump-out-of-defer@8");
  CHECK (log.d[0].nnotes == 1 && log.d[0].note_loc[0] == 4);
  CHECK (strcmp (log.d[1].arg, "break") == 0);
  cd_func_free (f);

  /* defer { break; } outside any loop: it leaves the body too.  */
  f = new_func (CD_MODEL_GO, &log);
  cd_defer (f, 2, 2, false, false);
  cd_break (f, 3);
  end (f);
  cd_break (f, 4);		/* no loop, no defer: the compiler's */
  finish_and_check (f);
  EXPECT_DIAGS (&log, "jump-out-of-defer@3");
  cd_func_free (f);
}

/* &&L of a label in a deferred body, taken outside it; a computed goto
   outside a body whose label's address is taken only inside.  */
static void
test_computed_jumps_into_defer (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_label_address (f, L, 2);
  cd_defer (f, 3, 3, false, false);
  cd_label (f, L, "L", 4);
  cd_label_address (f, M, 5);
  cd_label (f, M, "M", 6);
  end (f);
  cd_computed_goto (f, 7);
  finish_and_check (f);
  /* Its targets are all in the function's scope: it leaves no scope.  */
  EXPECT_DIAGS (&log, "jump-out-of-defer@7 jump-out-of-defer@2");
  CHECK (log.d[0].id == CD_DIAG_COMPUTED_GOTO_INTO_DEFER
	 && strcmp (log.d[0].arg, "M") == 0 && log.d[0].note_loc[0] == 6);
  CHECK (log.d[1].id == CD_DIAG_LABEL_ADDRESS_INTO_DEFER
	 && strcmp (log.d[1].arg, "L") == 0 && log.d[1].note_loc[0] == 4);
  cd_func_free (f);
}

/* goto into a scope body and into a deferred body; case labels into a
   scope, except `switch (e) scope { case ...: }`.  */
static void
test_jump_into_scope (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  cd_goto (f, L, 2);
  cd_goto (f, M, 3);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 4);
  cd_label (f, L, "L", 5);
  end (f);
  cd_defer (f, 6, 6, false, false);
  cd_label (f, M, "M", 7);
  end (f);
  cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 8);
  open_compound (f, CD_ROLE_SWITCH_BODY, 8);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 9);
  cd_case_label (f, false, 10);
  end (f);
  end (f);
  end (f);
  cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 11);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_SWITCH_BODY, 11);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 11);
  cd_case_label (f, false, 12);
  cd_defer (f, 13, 13, false, false);
  cd_case_label (f, true, 14);
  end (f);
  end (f);
  end (f);
  end (f);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "jump-into-scope@2 jump-into-scope@3 "
		"jump-into-scope@10 jump-into-scope@14");
  CHECK (strcmp (log.d[0].arg, "'goto' jumps into a 'scope' body") == 0);
  CHECK (log.d[0].note_loc[0] == 4);
  CHECK (strcmp (log.d[1].arg, "'goto' jumps into a deferred body") == 0);
  CHECK (log.d[1].note_loc[0] == 6);
  CHECK (strcmp (log.d[2].arg, "'case' label jumps into a 'scope' body")
	 == 0);
  CHECK (strcmp (log.d[3].arg, "'default' label jumps into a deferred body")
	 == 0);
  cd_func_free (f);
}

/* Model ts: a jump forward past a defer into its scope; a backward goto
   is fine there, and a defer-reexecuted in model go.  */
static void
test_jump_past_defer_and_reexecuted (void)
{
  struct diag_log log;
  for (int m = 0; m < 2; m++)
    {
      cd_func *f = new_func (m ? CD_MODEL_TS : CD_MODEL_GO, &log);
      cd_goto (f, L, 2);
      cd_label (f, M, "M", 3);
      simple_defer (f, 4);
      cd_label (f, L, "L", 5);
      cd_goto (f, M, 6);
      cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 7);
      open_compound (f, CD_ROLE_SWITCH_BODY, 7);
      cd_case_label (f, false, 8);
      simple_defer (f, 9);
      cd_case_label (f, true, 10);
      end (f);
      end (f);
      finish_and_check (f);
      if (m)
	{
	  EXPECT_DIAGS (&log, "jump-into-scope@2 jump-into-scope@10");
	  CHECK (strcmp (log.d[0].arg,
			 "'goto' jumps past a 'defer' into its scope") == 0);
	  CHECK (log.d[0].note_loc[0] == 4 && log.d[1].note_loc[0] == 9);
	}
      else
	{
	  EXPECT_DIAGS (&log, "defer-reexecuted@6");
	  CHECK (log.d[0].nnotes == 2 && log.d[0].note_loc[0] == 3
		 && log.d[0].note_loc[1] == 4);
	}
      cd_func_free (f);
    }
}

/* computed goto, asm goto and non-local gotos leaving a scope with
   defers; not when their targets are inside, or the scope has none.  */
static void
test_computed_goto_out_of_scope (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  const void *out[] = { L }, *in[] = { M };
  cd_label (f, L, "L", 2);
  cd_label_address (f, L, 2);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 3);
  cd_computed_goto (f, 4);	/* before any defer: still leaves */
  simple_defer (f, 5);
  cd_asm_goto (f, out, 1, 6);
  cd_asm_goto (f, in, 1, 7);
  cd_nonlocal_entry (f, "inner", out, 1, 8);
  cd_label (f, M, "M", 9);
  end (f);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 10);
  cd_computed_goto (f, 11);	/* no defers here */
  end (f);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "computed-goto-out-of-scope@4 "
		"computed-goto-out-of-scope@6 computed-goto-out-of-scope@8");
  CHECK (strcmp (log.d[0].arg, "a computed 'goto'") == 0
	 && log.d[0].note_loc[0] == 5);
  CHECK (strcmp (log.d[1].arg, "'asm goto'") == 0);
  CHECK (strcmp (log.d[2].arg,
		 "a non-local 'goto' from nested function 'inner'") == 0);
  cd_func_free (f);

  /* In the nested function: a goto out of it, from a scope with defers
     and from a deferred body.  */
  f = new_func (CD_MODEL_GO, &log);
  simple_defer (f, 2);
  cd_nonlocal_goto (f, "L", 3);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "computed-goto-out-of-scope@3");
  cd_func_free (f);
}

/* exit with defers pending; thrd_exit only without -fexceptions;
   pthread_exit never; not before any defer.  */
static void
test_exit_skips_defer (void)
{
  struct diag_log log;
  for (int unwinds = 0; unwinds < 2; unwinds++)
    {
      cd_func *f = new_func (CD_MODEL_GO, &log);
      cd_set_unwinds (f, unwinds);
      cd_call (f, "exit", false, 2);
      simple_defer (f, 3);
      cd_call (f, "exit", false, 4);
      cd_call (f, "thrd_exit", false, 5);
      cd_call (f, "pthread_exit", false, 6);
      cd_call (f, "printf", false, 7);
      finish_and_check (f);
      EXPECT_DIAGS (&log, unwinds ? "exit-skips-defer@4"
				  : "exit-skips-defer@4 exit-skips-defer@5");
      CHECK (strcmp (log.d[0].arg, "exit") == 0 && log.d[0].note_loc[0] == 3);
      cd_func_free (f);
    }
}

/* longjmp with defers pending, unless a setjmp after them in their
   scope is the likely target.  */
static void
test_longjmp_skips_defer (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  simple_defer (f, 2);
  cd_call (f, "longjmp", false, 3);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "longjmp-skips-defer@3");
  CHECK (log.d[0].note_loc[0] == 2 && strcmp (log.d[0].arg, "longjmp") == 0);
  CHECK (!cd_calls_setjmp (f));
  cd_func_free (f);

  /* setjmp error handling within one scope; a setjmp before the defer
     does not catch.  */
  f = new_func (CD_MODEL_GO, &log);
  cd_call (f, "sigsetjmp", false, 2);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 3);
  simple_defer (f, 4);
  cd_call (f, "setjmp", false, 5);
  cd_call (f, "siglongjmp", false, 6);
  end (f);
  simple_defer (f, 7);
  cd_call (f, "longjmp", false, 8);
  finish_and_check (f);
  EXPECT_DIAGS (&log, "longjmp-skips-defer@8");
  CHECK (log.d[0].note_loc[0] == 7);
  CHECK (cd_calls_setjmp (f));
  cd_func_free (f);
}

/* The flag decision: direct defers need none unless a label after them
   can be reached from before.  */
static void
test_needs_flag (void)
{
  struct diag_log log;
  cd_func *f = new_func (CD_MODEL_GO, &log);
  int plain = simple_defer (f, 2);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 3);
  cd_open_block (f, CD_BLOCK_STATEMENT, CD_ROLE_IF_ARM, 3);
  int in_if = simple_defer (f, 3);
  end (f);
  end (f);
  cd_goto (f, L, 4);
  int jumped = simple_defer (f, 5);
  cd_label (f, L, "L", 6);
  cd_goto (f, L, 7);		/* after: cannot skip the defer at 5 */
  cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 10);
  open_compound (f, CD_ROLE_SWITCH_BODY, 10);
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_OTHER, 11);
  int before_case = simple_defer (f, 12);
  end (f);
  cd_case_label (f, false, 12);
  end (f);
  end (f);
  int last = simple_defer (f, 13);
  CHECK (finish_and_check (f) == 0);
  CHECK (!cd_defer_needs_flag (f, plain));
  CHECK (cd_defer_needs_flag (f, in_if));
  CHECK (cd_defer_needs_flag (f, jumped));
  CHECK (!cd_defer_needs_flag (f, before_case));	/* no case in its scope */
  CHECK (!cd_defer_needs_flag (f, last));
  cd_func_free (f);

  /* A later case label of a switch that starts before (model ts: the
     switch body is the defer's scope); an address-taken label; a label a
     nested function jumps to.  */
  for (int k = 0; k < 3; k++)
    {
      f = new_func (k == 0 ? CD_MODEL_TS : CD_MODEL_GO, &log);
      cd_open_block (f, CD_BLOCK_SWITCH, CD_ROLE_NONE, 2);
      open_compound (f, CD_ROLE_SWITCH_BODY, 2);
      int first = simple_defer (f, 3);
      int second = -1;
      if (k == 0)
	cd_case_label (f, false, 4);
      end (f);
      end (f);
      if (k == 1)
	{
	  second = simple_defer (f, 5);
	  cd_label (f, M, "M", 6);
	  cd_label_address (f, M, 7);
	}
      if (k == 2)
	{
	  const void *keys[] = { L };
	  cd_nonlocal_entry (f, "inner", keys, 1, 5);
	  second = simple_defer (f, 6);
	  cd_label (f, L, "L", 7);
	}
      finish_and_check (f);
      CHECK (cd_defer_needs_flag (f, first));	/* case 4, or in a switch */
      if (second >= 0)
	CHECK (cd_defer_needs_flag (f, second));
      cd_func_free (f);
    }
}

/* ---- integer constant expressions over text ---- */

/* Names of the test programs: E, F enumerators; byte an integer typedef,
   ptr another typedef; x a variable; MACRO unknown.  */
static enum cd_name_kind
test_names (void *ctx, const char *name, size_t len)
{
  (void) ctx;
  static const struct { const char *name; enum cd_name_kind kind; } k[] = {
    { "E", CD_NAME_ENUMERATOR }, { "F", CD_NAME_ENUMERATOR },
    { "byte", CD_NAME_INT_TYPE }, { "ptr", CD_NAME_OTHER_TYPE },
    { "x", CD_NAME_OBJECT }, { "f", CD_NAME_OBJECT },
  };
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
    if (strlen (k[i].name) == len && memcmp (k[i].name, name, len) == 0)
      return k[i].kind;
  return CD_NAME_UNKNOWN;
}

static void
test_ice (void)
{
  static const char *const yes[] = {
    "0", " 0 ", "0x0UL", "'\\0' - '\\0'", "(int)0", "(int)0.5",
    "(byte)256", "sizeof(int) == 3", "sizeof x - sizeof x",
    "sizeof (x) == 1", "_Alignof(long) > 64", "E - E", "E ? 0 : F",
    "((unsigned char)(1 << 8))", "!1 && E", "(enum e)0", "~-1",
    "-(1 >> 3) /* c */", "(const int) 0",
  };
  static const char *const no[] = {
    "0 && x", "x * 0", "(void *)0", "0.0", "1.0 - 1.0", "f()", "(0, 0)",
    "(ptr)0", "x = 0", "(void)0", "x[0]", "E + x", "(float)0",
  };
  static const char *const unknown[] = { "MACRO", "MACRO(0)", "0 ? 1" };
  static const char *const *const lists[] = { no, yes, unknown };
  static const size_t sizes[] = { sizeof no / sizeof no[0],
				  sizeof yes / sizeof yes[0],
				  sizeof unknown / sizeof unknown[0] };
  for (int answer = CD_ICE_NO; answer <= CD_ICE_UNKNOWN; answer++)
    for (size_t i = 0; i < sizes[answer]; i++)
      check_at (cd_text_is_ice (lists[answer][i], test_names, NULL)
		== (enum cd_ice) answer, lists[answer][i], __FILE__, __LINE__);
}

void
run_structure_tests (void)
{
  test_ice ();
  test_dump_of_structure ();
  test_dump_of_nonlocal ();
  test_defer_in_loop ();
  test_defer_in_loop_negatives ();
  test_defer_in_plain_block ();
  test_empty_defer_and_body_label ();
  test_jump_out_of_defer ();
  test_computed_jumps_into_defer ();
  test_jump_into_scope ();
  test_jump_past_defer_and_reexecuted ();
  test_computed_goto_out_of_scope ();
  test_exit_skips_defer ();
  test_longjmp_skips_defer ();
  test_needs_flag ();
}
