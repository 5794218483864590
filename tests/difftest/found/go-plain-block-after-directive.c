// difftest finding (NEW; maybe the same cause as the known bug "model ts
// plain blocks after preprocessor directives"): in model go the plugin
// does not warn defer-in-plain-block for a bare { } block that follows
// #if/#endif lines; the front end does (SPEC 4).  The run-time behaviour
// is the same.  Found by the difftest (model go, seed 2 of generator
// version 4), minimised by hand.
//   oracle, lower-portable-gcc/clang/tcc, lower-gnu-gcc: the warning below
//   plugin-gcc12/11 -O0/-O2: no warning
// check: tests/conformance/run-case --cc "gcc -fplugin=$PWD/build/plugin/cdefer.so" THIS.c
#include <stdio.h>

int main(void)
{
#ifdef __CDEFER__
    puts("x");
#endif
    {
        defer puts("deferred"); // expect-warning: defer-in-plain-block
    }
    return 0;
}

//> x
//> deferred
