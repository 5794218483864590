// Model ts: the case labels of `switch (e) scope { ... }` enter the scope
// at its start (SPEC 4, jump-into-scope), as in model go; the plugin once
// rejected them in model ts (found by tests/difftest,
// found/ts-switch-scope-case.c).  The defer under `case 1:` belongs to the
// scope and runs when the switch is left.
// spec: 3.ts, jump-into-scope
// ts: extension
#include <stdio.h>

/* `scope` is cdefer's; for a TS compiler (tests/ts-crosscheck: Clang 22)
   the switch body is the same block without it.  */
#ifndef __CDEFER__
#define scope
#endif

static void run(int e)
{
    switch (e) scope {
    default:
        puts("more");
        break;
    case 1:
        _Defer puts("after");
        puts("one");
        break;
    }
    puts("end");
}

int main(void)
{
    run(1);
    run(2);
    return 0;
}

//> one
//> after
//> end
//> more
//> end
