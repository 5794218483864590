// difftest finding (NEW): the front end does not warn defer-in-plain-block
// for a bare { } block that follows a label (case, default, or a goto
// label); the plugin does (SPEC 4: "a defer directly in a bare { ... }
// block statement"; a labelled compound statement is still a bare block,
// not an if/else/switch body).  Found by the difftest (model go, seeds 18
// and 59 of generator version 2: a `default: { ... defer ...; }` in a
// deferred body), minimised by hand.
//   oracle, plugin-gcc12/11 -O0/-O2: both warnings below
//   lower-portable-gcc/clang/tcc, lower-gnu-gcc (cdefer check too): none
// check: tests/conformance/run-case --cc "BUILD/frontend/cdefer cc --via=lower --cc=gcc" THIS.c
#include <stdio.h>

static void f(int a)
{
    switch (a) {
    case 1:
        {
            defer puts("case 1"); // expect-warning: defer-in-plain-block
        }
        break;
    }
    goto next;
next:
    {
        defer puts("after next"); // expect-warning: defer-in-plain-block
    }
    puts("end of f");
}

int main(void)
{
    f(1);
    return 0;
}

//> end of f
//> after next
//> case 1
