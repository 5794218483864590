/* SPDX-License-Identifier: GPL-3.0-or-later */
/* harness.h - unit tests of the core's rules, without a compiler.

   A test describes a function by hand through the builder, the way a
   backend would (locations are small numbers: think of them as lines),
   runs the rules and compares what the report callback received, or the
   dump, with what it expects.  One file per family of rules; each file
   has a run_*_tests function that core-tests.c calls.  */
#ifndef CORE_TESTS_HARNESS_H
#define CORE_TESTS_HARNESS_H

#include <stdbool.h>
#include <stdio.h>

#include "cdefer-core.h"

#define LOG_MAX 32

/* What the callback received, in order.  */
struct logged
{
  enum cd_diag_id id;
  cd_loc loc;
  char arg[256];
  int nnotes;
  cd_loc note_loc[CD_MAX_NOTES];
  char note[CD_MAX_NOTES][256];
  enum cd_fixit_kind fixit;
  cd_loc fix_at, fix_end;
};

struct diag_log
{
  int n;
  struct logged d[LOG_MAX];
  bool suppress[CD_DIAG_COUNT];	/* as -Wno-cdefer-ID would */
};

extern int test_failures;

/* Record a failure of test condition C (printed with where it is).  */
void check_at (bool c, const char *what, const char *file, int line);
#define CHECK(c) check_at ((c), #c, __FILE__, __LINE__)

/* A new description of model M reporting into LOG (cleared), with its
   function body open at location 1.  */
cd_func *new_func (enum cd_model m, struct diag_log *log);
/* Close the function body (at location 999) and run the rules; returns
   cd_check's result.  */
int finish_and_check (cd_func *f);
/* The dump of F, malloc'ed.  */
char *dump_of (cd_func *f);

/* Does LOG hold exactly EXPECTED: "ID@LOC ID@LOC ..." in order (the
   empty string: nothing)?  Reports the difference if not.  */
bool log_is_at (struct diag_log *log, const char *expected, const char *file,
		int line);
#define EXPECT_DIAGS(log, expected) \
  CHECK (log_is_at ((log), (expected), __FILE__, __LINE__))
/* Does the dump of F equal EXPECTED?  */
bool dump_is_at (cd_func *f, const char *expected, const char *file,
		 int line);
#define EXPECT_DUMP(f, expected) \
  CHECK (dump_is_at ((f), (expected), __FILE__, __LINE__))

void run_structure_tests (void);
void run_values_tests (void);
void run_ignore_tests (void);
void run_flagvar_tests (void);

#endif
