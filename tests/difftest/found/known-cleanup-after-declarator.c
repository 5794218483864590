// KNOWN bug (fixed by 3a87ba6, "frontend: a cleanup attribute after the declarator ..."; kept as a regression check): the portable lowering ignores a cleanup attribute
// written after the declarator (int x __attribute__((cleanup(f))) = v;):
// x31's cleanup runs in the wrong order (gcc, clang) or not at all (tcc:
// see the other lines of the oracle's output).  Plugin and gnu lowering: as the oracle.
// difftest reproducer (tests/difftest/README.md): wrong-output
// backend lower-portable-gcc, model go, seed 1 (minimised), generator version 1
// regenerate (before minimising): tests/difftest/difftest --print 1 --model go
// compile:    BUILD/frontend/cdefer cc --via=lower --cc=gcc -O2 -o exe THIS.c
// check:      tests/conformance/run-case --caps "statement-expressions cleanup-attribute" --cc "BUILD/frontend/cdefer cc --via=lower --cc=gcc -O2" --model-flag "" THIS.c
// The //> lines are what the oracle (SPEC section 3) says it prints.
// What the backend did:
//   --- expected (oracle)
//   +++ backend
//   @@ -1,4 +1,4 @@
//   +~ 4
//    ~ 0
//   -~ 4
//    f1(4) = 2
//    g=2 G0=0 G1=0
// requires: statement-expressions cleanup-attribute

#include <stdio.h>

static int g;                   /* events so far */
static int G0, G1;

static void ev(int id, int v)
{
    printf("%d %d\n", id, v);
    g++;
}

static void done(int *p)        /* cleanup of the x variables */
{
    printf("~ %d\n", *p);
    g++;
}

static int f1(int a)
{
    int x21 = a;
    if (0) {
    }
    else {
        if (((({ int x27 = 0; scope { } x27; }) & 1) == 0)) {
            __attribute__((cleanup(done))) int x30 = x21;
            int x31 __attribute__((cleanup(done))) = 0;
        }
    }
    return 2;
}

int main(void)
{
    int s = 0, r;
    r = f1(4);
    printf("f1(4) = %d\n", r);
    s += r;
    printf("g=%d G0=%d G1=%d\n", g, G0, G1);
    return s & 63;
}

//> ~ 0
//> ~ 4
//> f1(4) = 2
//> g=2 G0=0 G1=0
// expect-exit: 2
