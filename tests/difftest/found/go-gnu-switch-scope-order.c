// difftest finding (fixed; conformance case go/run-switch-scope-case-between-defers.c): the gnu lowering (--lowering=gnu) runs the
// deferred bodies of a `switch (e) scope { }` body in the wrong order when
// a case label lies between two defers and a statement precedes the first:
// the second defer (after `case 4:`) is hoisted to the start of the scope
// (its cleanup variable is declared before the switch, with a flag), the
// first is not, so the first one's cleanup runs first.  SPEC 3.3: last
// registered, first run.  Found by the difftest (model go, seeds 4 and 29
// of generator version 3), minimised by hand.
//   oracle, plugin-gcc12/11 -O0/-O2, lower-portable-*: "case 0", "second...", "first..."
//   lower-gnu-gcc: "case 0", "first...", "second..."
// check: tests/conformance/run-case --cc "BUILD/frontend/cdefer cc --via=lower --lowering=gnu --cc=gcc" THIS.c
#include <stdio.h>

int main(void)
{
    switch (0) scope {
    case 0:
        puts("case 0");
        defer puts("first registered, runs last");
    case 4:
        defer puts("second registered, runs first");
    }
    return 0;
}

//> case 0
//> second registered, runs first
//> first registered, runs last
