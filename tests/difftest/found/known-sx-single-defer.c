// KNOWN bug (fixed on main by the time of de1bd9d/later plugin commits; kept as a regression check): a statement expression whose only statement is a
// defer, ({ defer f(); }): the plugin runs the deferred body at the end of
// the function instead of at the end of the statement expression.
//   oracle, lower-portable-*, lower-gnu-gcc: f4(1) = -9; plugin-gcc12/11 -O0/-O2: f4(1) = -8
// difftest reproducer (tests/difftest/README.md): wrong-output
// backend plugin-gcc12-O2, model go, seed 17 (minimised), generator version 1
// regenerate (before minimising): tests/difftest/difftest --print 17 --model go
// compile:    /usr/bin/cc -fplugin=BUILD/plugin/cdefer.so -O2 -o exe THIS.c
// check:      tests/conformance/run-case --caps "statement-expressions cleanup-attribute" --cc "/usr/bin/cc -fplugin=BUILD/plugin/cdefer.so -O2" --model-flag "" THIS.c
// The //> lines are what the oracle (SPEC section 3) says it prints.
// What the backend did:
//   --- expected (oracle)
//   +++ backend
//   @@ -1,2 +1,2 @@
//   -f4(1) = -9
//   +f4(1) = -8
//    g=0 G0=0 G1=0
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

static int f4(int a)
{
    ({
        defer a -= a;
    });
    return ((a | a) - (a | 9));
}

int main(void)
{
    int s = 0, r;
    r = f4(1);
    printf("f4(1) = %d\n", r);
    s += r;
    printf("g=%d G0=%d G1=%d\n", g, G0, G1);
    return s & 63;
}

//> f4(1) = -9
//> g=0 G0=0 G1=0
// expect-exit: 55
