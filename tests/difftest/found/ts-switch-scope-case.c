// difftest finding (fixed; conformance case ts/ts-switch-scope-case-labels.c): the plugin in model ts rejects the case labels of
// `switch (e) scope { ... }` with jump-into-scope.  SPEC section 4
// (jump-into-scope): "The case labels of a switch whose body *is* the scope
// statement (`switch (e) scope { case 1: ... }`) enter it at its start and
// are allowed"; models.md: in model ts `scope { }` is harmless.  Found by
// the difftest in 39 of 60 model-ts programs (generator version 1), minimised
// by hand.
//   oracle, lower-portable-gcc/clang/tcc --model=ts, lower-gnu-gcc --model=ts,
//   and every plugin in model go: prints "one", "after"
//   plugin-gcc12-O0/O2, plugin-gcc11-O0/O2 with -fplugin-arg-cdefer-model=ts:
//     error: 'case' label jumps into a 'scope' body [cdefer-jump-into-scope]
//     note: the 'scope' starts here
// check: tests/conformance/run-case --cc "gcc -fplugin=$PWD/build/plugin/cdefer.so"
//          --model-flag -fplugin-arg-cdefer-model=ts tests/difftest/found/ts-switch-scope-case.c
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    switch (argc) scope {
    default:
        puts("more");
        break;
    case 1:
        _Defer puts("after");
        puts("one");
        break;
    }
    return 0;
}

//> one
//> after
