/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-values.c - the value rules (values.c): escaping-capture,
   address-escape, defer-before-check, released-value-escapes.  Variable
   keys are the addresses of the chars below.  */

#include "harness.h"
#include "core-internal.h"

static struct diag_log log_;
#define got (log_.d)
#define ngot (log_.n)

/* Variables are named by the address of these.  */
static char buf, out, ok, f_, g_, local, arg, ctx, tmp, fn_, n_;

/* A function body; only the value rules' diagnostics are kept.  */
static cd_func *
start (void)
{
  cd_func *f = new_func (CD_MODEL_GO, &log_);
  for (int id = 0; id < CD_DIAG_COUNT; id++)
    log_.suppress[id] = id != CD_DIAG_ESCAPING_CAPTURE
			&& id != CD_DIAG_ADDRESS_ESCAPE
			&& id != CD_DIAG_DEFER_BEFORE_CHECK
			&& id != CD_DIAG_RELEASED_VALUE_ESCAPES;
  return f;
}

static void
finish (cd_func *f)
{
  cd_close_block (f, 999);
  cd_check (f);
}

/* N diagnostics, the first one ID at LOC.  */
static void
expect (const char *test, int n, enum cd_diag_id id, cd_loc loc)
{
  bool ok = ngot == n && (n == 0 || (got[0].id == id && got[0].loc == loc));
  if (!ok)
    {
      test_failures++;
      fprintf (stderr, "FAIL %s: %d diagnostics", test, ngot);
      for (int i = 0; i < ngot; i++)
	fprintf (stderr, " [%s at %lu]", cd_diag_id_name (got[i].id),
		 (unsigned long) got[i].loc);
      fprintf (stderr, ", expected %d%s%s\n", n, n ? " " : "",
	       n ? cd_diag_id_name (id) : "");
    }
}

static struct cd_expr
ex (enum cd_expr_kind kind, const void *var)
{
  struct cd_expr e = { kind, var, 0, kind == CD_EXPR_VAR };
  return e;
}

static struct cd_expr
cst (long long v)
{
  struct cd_expr e = { CD_EXPR_CONST, NULL, v, false };
  return e;
}

/* `defer FN (V);` at LOC, with its body's use of V.  */
static int
defer_call (cd_func *f, cd_loc loc, const char *fn, const void *v)
{
  int d = cd_defer (f, loc, loc + 1, false, false);
  cd_use (f, v, loc + 2, CD_USE_READ);
  cd_arg (f, fn, 0, ex (CD_EXPR_VAR, v), 0, loc + 1);
  cd_close_block (f, loc + 3);
  struct cd_expr a = ex (CD_EXPR_VAR, v);
  struct cd_deferred_call c = { fn, 1, &a, 0, false, false, NULL, false, 0 };
  cd_defer_call (f, d, &c);
  return d;
}

/* ---- escaping-capture ---- */

static void
test_escaping_capture (void)
{
  /* scope { { char *tmp = malloc (4); defer free (tmp); } } */
  cd_func *f = start ();
  cd_open_block (f, CD_BLOCK_SCOPE, CD_ROLE_BARE, 10);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_BARE, 11);
  cd_var (f, &tmp, "tmp", 12, CD_AUTO, CD_VAR_POINTER);
  defer_call (f, 20, "free", &tmp);
  cd_close_block (f, 30);
  cd_close_block (f, 31);
  finish (f);
  expect ("escaping-capture nested block", 1, CD_DIAG_ESCAPING_CAPTURE, 22);
  if (ngot && (got[0].fixit != CD_FIX_SCOPE_BEFORE || got[0].fix_at != 11
	       || got[0].nnotes != 1 || got[0].note_loc[0] != 12))
    test_failures++, fprintf (stderr, "FAIL escaping-capture fix-it/note\n");
  cd_func_free (f);

  /* the same variable in the scope's own block: alive */
  f = start ();
  cd_var (f, &tmp, "tmp", 12, CD_AUTO, CD_VAR_POINTER);
  defer_call (f, 20, "free", &tmp);
  finish (f);
  expect ("escaping-capture scope's block", 0, 0, 0);
  cd_func_free (f);

  /* sizeof of a variable of the block: not a use; a static: alive */
  f = start ();
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_BARE, 11);
  cd_var (f, &tmp, "tmp", 12, CD_AUTO, CD_VAR_ARRAY);
  cd_var (f, &g_, "g", 13, CD_STATIC, 0);
  int d = cd_defer (f, 20, 21, false, false);
  cd_use (f, &tmp, 22, CD_USE_UNEVALUATED);
  cd_use (f, &g_, 23, CD_USE_READ);
  cd_close_block (f, 24);
  (void) d;
  cd_close_block (f, 30);
  finish (f);
  expect ("escaping-capture sizeof, static", 0, 0, 0);
  cd_func_free (f);

  /* in a loop body: defer-in-loop's, not reported here */
  f = start ();
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 9);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_LOOP_BODY, 11);
  cd_var (f, &tmp, "tmp", 12, CD_AUTO, CD_VAR_POINTER);
  defer_call (f, 20, "free", &tmp);
  cd_close_block (f, 30);
  cd_close_block (f, 31);
  finish (f);
  expect ("escaping-capture in loop", 0, 0, 0);
  cd_func_free (f);

  /* a VLA's sizeof is evaluated: the reader reports a use */
  f = start ();
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 9);
  cd_open_block (f, CD_BLOCK_COMPOUND, CD_ROLE_IF_ARM, 11);
  cd_var (f, &n_, "v", 12, CD_AUTO, CD_VAR_ARRAY | CD_VAR_VLA);
  cd_defer (f, 20, 21, false, false);
  cd_use (f, &n_, 22, CD_USE_READ);
  cd_close_block (f, 23);
  cd_close_block (f, 30);
  cd_close_block (f, 31);
  finish (f);
  expect ("escaping-capture vla sizeof", 1, CD_DIAG_ESCAPING_CAPTURE, 22);
  cd_func_free (f);
}

/* ---- address-escape ---- */

static void
test_address_escape (void)
{
  /* defer g = &local;  (g a global: never declared here) */
  cd_func *f = start ();
  cd_var (f, &local, "local", 5, CD_AUTO, 0);
  cd_defer (f, 20, 21, false, false);
  cd_assign (f, ex (CD_EXPR_VAR, &g_), ex (CD_EXPR_ADDRESS, &local), 22);
  cd_close_block (f, 23);
  finish (f);
  expect ("address-escape global", 1, CD_DIAG_ADDRESS_ESCAPE, 22);
  if (ngot && (got[0].nnotes != 1 || got[0].note_loc[0] != 5))
    test_failures++, fprintf (stderr, "FAIL address-escape note\n");
  cd_func_free (f);

  /* defer p = &local; (p local): fine */
  f = start ();
  cd_var (f, &local, "local", 5, CD_AUTO, 0);
  cd_var (f, &buf, "p", 6, CD_AUTO, CD_VAR_POINTER);
  cd_defer (f, 20, 21, false, false);
  cd_assign (f, ex (CD_EXPR_VAR, &buf), ex (CD_EXPR_ADDRESS, &local), 22);
  cd_close_block (f, 23);
  finish (f);
  expect ("address-escape local store", 0, 0, 0);
  cd_func_free (f);

  /* struct ctx *c = arg;  defer c->p = &local;  */
  f = start ();
  cd_var (f, &arg, "arg", 4, CD_PARAM, CD_VAR_POINTER);
  cd_var (f, &local, "local", 5, CD_AUTO, 0);
  cd_var (f, &ctx, "c", 6, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &ctx), ex (CD_EXPR_VAR, &arg), 7);
  cd_defer (f, 20, 21, false, false);
  cd_assign (f, ex (CD_EXPR_DEREF, &ctx), ex (CD_EXPR_ADDRESS, &local), 22);
  cd_close_block (f, 23);
  finish (f);
  expect ("address-escape derived", 1, CD_DIAG_ADDRESS_ESCAPE, 22);
  cd_func_free (f);

  /* pthread_create (t, 0, worker, &local): argument 4 is kept;
     sigaction (SIGINT, &local, 0) is not */
  f = start ();
  cd_var (f, &local, "local", 5, CD_AUTO, 0);
  cd_defer (f, 20, 21, false, false);
  cd_arg (f, "sigaction", 1, ex (CD_EXPR_ADDRESS, &local), 0, 21);
  cd_arg (f, "pthread_create", 3, ex (CD_EXPR_ADDRESS, &local), 0, 22);
  cd_close_block (f, 23);
  finish (f);
  expect ("address-escape pthread_create", 1, CD_DIAG_ADDRESS_ESCAPE, 22);
  cd_func_free (f);

  /* a nested function given to signal; a user's cdefer_retains */
  f = start ();
  cd_var (f, &fn_, "on_int", 5, CD_NESTED_FUNCTION, 0);
  cd_defer (f, 20, 21, false, false);
  cd_arg (f, "signal", 1, ex (CD_EXPR_ADDRESS, &fn_), 0, 22);
  cd_close_block (f, 23);
  cd_var (f, &local, "local", 25, CD_AUTO, 0);
  cd_defer (f, 30, 31, false, false);
  cd_arg (f, "keep", 0, ex (CD_EXPR_ADDRESS, &local), CD_ARG_RETAINED, 32);
  cd_close_block (f, 33);
  finish (f);
  expect ("address-escape nested, retains", 2, CD_DIAG_ADDRESS_ESCAPE, 22);
  cd_func_free (f);
}

/* ---- defer-before-check ---- */

static void
fopen_defer_if (cd_func *f, const char *release, bool failure)
{
  cd_var (f, &f_, "f", 5, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &f_), ex (CD_EXPR_CALL, NULL), 6);
  defer_call (f, 20, release, &f_);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 30);
  cd_use (f, &f_, 31, CD_USE_READ);
  cd_test (f, &f_, failure, 32, 33);
  cd_close_block (f, 34);
}

static void
test_defer_before_check (void)
{
  cd_func *f = start ();
  fopen_defer_if (f, "fclose", true);
  finish (f);
  expect ("defer-before-check", 1, CD_DIAG_DEFER_BEFORE_CHECK, 20);
  if (ngot && (got[0].fixit != CD_FIX_MOVE_AFTER || got[0].fix_at != 20
	       || got[0].fix_end != 33 || got[0].note_loc[0] != 32))
    test_failures++, fprintf (stderr, "FAIL defer-before-check fix-it/note\n");
  cd_func_free (f);

  f = start ();
  fopen_defer_if (f, "free", true);
  finish (f);
  expect ("defer-before-check free", 0, 0, 0);
  cd_func_free (f);

  f = start ();
  fopen_defer_if (f, "fclose", false);
  finish (f);
  expect ("defer-before-check other test", 0, 0, 0);
  cd_func_free (f);

  /* marked cdefer_null_ok */
  f = start ();
  cd_var (f, &f_, "f", 5, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &f_), ex (CD_EXPR_CALL, NULL), 6);
  int d = cd_defer (f, 20, 21, false, false);
  cd_close_block (f, 22);
  struct cd_expr a = ex (CD_EXPR_VAR, &f_);
  struct cd_deferred_call c = { "release", 1, &a, 0, true, false, NULL,
				false, 0 };
  cd_defer_call (f, d, &c);
  cd_test (f, &f_, true, 32, 33);
  finish (f);
  expect ("defer-before-check null_ok", 0, 0, 0);
  cd_func_free (f);
}

/* ---- released-value-escapes ---- */

/* char *buf = malloc (n); defer free (buf);  */
static cd_func *
buf_freed (void)
{
  cd_func *f = start ();
  cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &buf), ex (CD_EXPR_CALL, NULL), 6);
  defer_call (f, 20, "free", &buf);
  return f;
}

static void
return_var (cd_func *f, const void *v, cd_loc loc)
{
  cd_use (f, v, loc + 1, CD_USE_READ);
  cd_return_value (f, loc, ex (CD_EXPR_VAR, v), loc + 1, loc + 2);
}

static void
test_released_value_escapes (void)
{
  cd_func *f = buf_freed ();
  return_var (f, &buf, 40);
  finish (f);
  expect ("released return", 1, CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
  if (ngot && (got[0].fixit != CD_FIX_TAKE || got[0].fix_at != 41
	       || got[0].fix_end != 42 || got[0].note_loc[0] != 20))
    test_failures++, fprintf (stderr, "FAIL released return fix-it/note\n");
  cd_func_free (f);

  /* return cdefer_take (buf): a statement expression that sets buf */
  f = buf_freed ();
  cd_assign (f, ex (CD_EXPR_VAR, &buf), cst (0), 41);
  cd_return_value (f, 40, ex (CD_EXPR_OTHER, NULL), 41, 42);
  finish (f);
  expect ("released take", 0, 0, 0);
  cd_func_free (f);

  /* buf = realloc (buf, 2 * n); return buf;  still released */
  f = buf_freed ();
  cd_assign (f, ex (CD_EXPR_VAR, &buf), ex (CD_EXPR_CALL, NULL), 30);
  return_var (f, &buf, 40);
  finish (f);
  expect ("released return after realloc", 1,
	  CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
  cd_func_free (f);

  /* buf = NULL; return buf;  */
  f = buf_freed ();
  cd_assign (f, ex (CD_EXPR_VAR, &buf), cst (0), 30);
  return_var (f, &buf, 40);
  finish (f);
  expect ("released return NULL", 0, 0, 0);
  cd_func_free (f);

  /* char *out = buf; return out;  a copy: released */
  f = buf_freed ();
  cd_var (f, &out, "out", 29, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &out), ex (CD_EXPR_VAR, &buf), 30);
  return_var (f, &out, 40);
  finish (f);
  expect ("released copy", 1, CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
  if (ngot && (got[0].fixit != CD_FIX_NONE || got[0].nnotes != 2))
    test_failures++, fprintf (stderr, "FAIL released copy: no fix-it, 2 notes\n");
  cd_func_free (f);

  /* char *out = buf; buf = NULL; return out;  */
  f = buf_freed ();
  cd_var (f, &out, "out", 29, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &out), ex (CD_EXPR_VAR, &buf), 30);
  cd_assign (f, ex (CD_EXPR_VAR, &buf), cst (0), 31);
  return_var (f, &out, 40);
  finish (f);
  expect ("released copy, reassigned", 0, 0, 0);
  cd_func_free (f);

  /* defer if (!ok) free (buf); ... ok = 1; return buf;  */
  for (int known = 0; known < 3; known++)
    {
      f = start ();
      cd_var (f, &ok, "ok", 4, CD_AUTO, 0);
      cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (0), 4);
      cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
      int d = cd_defer (f, 20, 21, false, false);
      cd_close_block (f, 22);
      struct cd_expr a = ex (CD_EXPR_VAR, &buf);
      struct cd_deferred_call c = { "free", 1, &a, 0, false, true, &ok,
				    true, 0 };
      cd_defer_call (f, d, &c);
      if (known == 1)
	cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (1), 30);
      if (known == 2)
	{
	  /* in an if arm: not known at the return */
	  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 29);
	  cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (1), 30);
	  cd_close_block (f, 31);
	}
      return_var (f, &buf, 40);
      finish (f);
      expect (known == 0 ? "conditional release, ok = 0"
	      : known == 1 ? "conditional release, ok = 1"
	      : "conditional release, ok = 1 in a branch",
	      known != 1, CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
      cd_func_free (f);
    }

  /* ok = 1 before a loop that holds the return and sets ok = 0 later */
  f = start ();
  cd_var (f, &ok, "ok", 4, CD_AUTO, 0);
  cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
  int d = cd_defer (f, 20, 21, false, false);
  cd_close_block (f, 22);
  struct cd_expr a = ex (CD_EXPR_VAR, &buf);
  struct cd_deferred_call c = { "free", 1, &a, 0, false, true, &ok, true, 0 };
  cd_defer_call (f, d, &c);
  cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (1), 30);
  cd_open_block (f, CD_BLOCK_LOOP, CD_ROLE_NONE, 31);
  return_var (f, &buf, 40);
  cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (0), 45);
  cd_close_block (f, 46);
  finish (f);
  expect ("conditional release, loop", 1, CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
  cd_func_free (f);

  /* defer puts (buf): not a release */
  f = start ();
  cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
  defer_call (f, 20, "puts", &buf);
  return_var (f, &buf, 40);
  finish (f);
  expect ("released: not a release", 0, 0, 0);
  cd_func_free (f);

  /* cdefer_releases (2): pool_put (pool, obj) */
  f = start ();
  cd_var (f, &ctx, "pool", 4, CD_PARAM, CD_VAR_POINTER);
  cd_var (f, &buf, "obj", 5, CD_AUTO, CD_VAR_POINTER);
  d = cd_defer (f, 20, 21, false, false);
  cd_close_block (f, 22);
  struct cd_expr two[2] = { ex (CD_EXPR_VAR, &ctx), ex (CD_EXPR_VAR, &buf) };
  struct cd_deferred_call c2 = { "pool_put", 2, two, 2, false, false, NULL,
				 false, 0 };
  cd_defer_call (f, d, &c2);
  return_var (f, &buf, 40);
  finish (f);
  expect ("released by attribute", 1, CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
  cd_func_free (f);

  /* a store into a global, and the same store with buf = NULL after */
  for (int reset = 0; reset < 2; reset++)
    {
      f = buf_freed ();
      cd_assign (f, ex (CD_EXPR_VAR, &g_), ex (CD_EXPR_VAR, &buf), 30);
      if (reset)
	cd_assign (f, ex (CD_EXPR_VAR, &buf), cst (0), 31);
      finish (f);
      expect (reset ? "released store, reset" : "released store", !reset,
	      CD_DIAG_RELEASED_VALUE_ESCAPES, 30);
      cd_func_free (f);
    }

  /* pthread_setspecific (key, buf): kept */
  f = buf_freed ();
  cd_arg (f, "pthread_setspecific", 1, ex (CD_EXPR_VAR, &buf), 0, 30);
  cd_arg (f, "strlen", 0, ex (CD_EXPR_VAR, &buf), 0, 31);
  finish (f);
  expect ("released kept", 1, CD_DIAG_RELEASED_VALUE_ESCAPES, 30);
  cd_func_free (f);

  /* the defer in an if arm: not registered on every path */
  f = start ();
  cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
  cd_open_block (f, CD_BLOCK_IF, CD_ROLE_NONE, 10);
  defer_call (f, 20, "free", &buf);
  cd_close_block (f, 25);
  return_var (f, &buf, 40);
  finish (f);
  expect ("released: conditional defer", 0, 0, 0);
  cd_func_free (f);

  /* goto L from before the defer to a label between it and the return:
     the defer may not be registered there; a goto from after the defer
     to the same label keeps it registered */
  for (int early = 0; early < 2; early++)
    {
      static const char L[] = "L";
      f = start ();
      cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
      if (early)
	cd_goto (f, L, 8);
      defer_call (f, 20, "free", &buf);
      if (!early)
	cd_goto (f, L, 30);
      cd_label (f, L, "L", 35);
      return_var (f, &buf, 40);
      finish (f);
      expect (early ? "released: label reached from before the defer"
		    : "released: label reached from after the defer",
	      !early, CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
      cd_func_free (f);
    }

  /* ok = 1 before a label that a later goto reaches with ok = 0 */
  {
    static const char L[] = "L";
    f = start ();
    cd_var (f, &ok, "ok", 4, CD_AUTO, 0);
    cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
    d = cd_defer (f, 20, 21, false, false);
    cd_close_block (f, 22);
    cd_defer_call (f, d, &c);
    cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (1), 30);
    cd_label (f, L, "L", 35);
    return_var (f, &buf, 40);
    cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (0), 45);
    cd_goto (f, L, 46);
    finish (f);
    expect ("conditional release, label after the assignment", 1,
	    CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
    cd_func_free (f);
  }

  /* the address of ok taken: its value is not known */
  f = start ();
  cd_var (f, &ok, "ok", 4, CD_AUTO, 0);
  cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
  d = cd_defer (f, 20, 21, false, false);
  cd_close_block (f, 22);
  cd_defer_call (f, d, &c);
  cd_use (f, &ok, 25, CD_USE_ADDRESS);
  cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (1), 30);
  return_var (f, &buf, 40);
  finish (f);
  expect ("conditional release, address taken", 1,
	  CD_DIAG_RELEASED_VALUE_ESCAPES, 40);
  cd_func_free (f);

  /* a return before the defer */
  f = start ();
  cd_var (f, &buf, "buf", 5, CD_AUTO, CD_VAR_POINTER);
  return_var (f, &buf, 10);
  defer_call (f, 20, "free", &buf);
  finish (f);
  expect ("released: return before the defer", 0, 0, 0);
  cd_func_free (f);
}

/* The value events in the dump (what the readers must agree on).  */
static void
test_dump_of_values (void)
{
  cd_func *f = start ();
  cd_var (f, &arg, "arg", 2, CD_PARAM, CD_VAR_POINTER);
  cd_var (f, &buf, "buf", 3, CD_AUTO, CD_VAR_POINTER);
  cd_assign (f, ex (CD_EXPR_VAR, &buf), ex (CD_EXPR_CALL, NULL), 3);
  cd_var (f, &ok, "ok", 4, CD_AUTO, 0);
  cd_assign (f, ex (CD_EXPR_VAR, &ok), cst (0), 4);
  int d = cd_defer (f, 5, 5, false, false);
  cd_use (f, &ok, 5, CD_USE_READ);
  cd_use (f, &buf, 5, CD_USE_READ);
  cd_arg (f, "free", 0, ex (CD_EXPR_VAR, &buf), 0, 5);
  cd_close_block (f, 5);
  struct cd_expr a = ex (CD_EXPR_VAR, &buf);
  struct cd_deferred_call c = { "free", 1, &a, 0, false, true, &ok, true, 0 };
  cd_defer_call (f, d, &c);
  cd_use (f, &buf, 6, CD_USE_READ);
  cd_test (f, &buf, true, 6, 6);
  cd_assign (f, ex (CD_EXPR_DEREF, &arg), ex (CD_EXPR_ADDRESS, &ok), 7);
  cd_use (f, &buf, 8, CD_USE_ADDRESS);
  cd_arg (f, "keep", 0, ex (CD_EXPR_ADDRESS, &buf), CD_ARG_RETAINED, 8);
  cd_use (f, &buf, 9, CD_USE_UNEVALUATED);
  cd_return_value (f, 9, ex (CD_EXPR_VAR, &buf), 9, 9);
  cd_close_block (f, 10);
  EXPECT_DUMP (f, "function {\n"
	       "  var arg param\n"
	       "  var buf auto\n"
	       "  var ok auto\n"
	       "  assign buf = call\n"
	       "  assign ok = 0\n"
	       "  defer #0 calls if (ok == 0) free (buf) {\n"
	       "    use ok\n"
	       "    use buf\n"
	       "    arg free #1 buf\n"
	       "  }\n"
	       "  use buf\n"
	       "  test buf failure\n"
	       "  assign *arg = &ok\n"
	       "  use buf address\n"
	       "  arg keep #1 &buf retained\n"
	       "  use buf unevaluated\n"
	       "  return-value buf\n"
	       "}\n");
  cd_func_free (f);
}

void
run_values_tests (void)
{
  test_dump_of_values ();
  test_escaping_capture ();
  test_address_escape ();
  test_defer_before_check ();
  test_released_value_escapes ();
}
