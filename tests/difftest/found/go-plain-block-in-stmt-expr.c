// difftest finding (NEW; maybe the same cause as the known bug "model ts
// plain blocks inside statement expressions"): in model go the plugin does
// not warn defer-in-plain-block for a bare { } block inside a statement
// expression; the front end does (SPEC 4: a defer directly in a bare
// { ... } block statement).  The run-time behaviour is the same on every
// backend.  Found by the difftest (model go, seeds 35, 41, 47 of generator
// version 2), minimised by hand.
//   oracle, lower-portable-gcc/clang/tcc, lower-gnu-gcc: the warning below
//   plugin-gcc12/11 -O0/-O2: no warning
// check: tests/conformance/run-case --caps statement-expressions
//          --cc "gcc -fplugin=$PWD/build/plugin/cdefer.so" THIS.c
// requires: statement-expressions
#include <stdio.h>

int main(void)
{
    int v = ({
        {
            defer puts("in sx"); // expect-warning: defer-in-plain-block
        }
        1;
    });
    return v - 1;
}

//> in sx
