// difftest finding (NEW): the plugin warns defer-in-plain-block for a
// defer that is the body of a `_Scope` statement inside a bare block,
// `{ _Scope defer f(); }`.  The defer belongs to the _Scope statement (SPEC
// 3.1: the body of every scope statement is a defer scope) and runs at its
// end, so the warning ("runs at the end of the enclosing scope, not of
// this block") is wrong; the front end gives none.  The run-time
// behaviour is right on every backend.  Found by the difftest (model go,
// seeds 17, 31, 32 of generator version 4), minimised by hand.
//   oracle, lower-portable-gcc/clang/tcc, lower-gnu-gcc: no warning
//   plugin-gcc12/11 -O0/-O2: warning defer-in-plain-block at the defer
// check: tests/conformance/run-case --cc "gcc -fplugin=$PWD/build/plugin/cdefer.so" THIS.c
#include <stdio.h>

int main(void)
{
    {
        _Scope defer puts("scope statement");
        puts("after it");
    }
    return 0;
}

//> scope statement
//> after it
