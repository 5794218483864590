// A `switch (e) scope { }` body whose second defer sits under a later case
// label, with a statement before the first: the bodies still run last
// registered first (the gnu lowering once declared the second one's
// cleanup before the switch and the first one's inside it, and ran them in
// registration order; found by tests/difftest).  Entered at the later
// label, only the second defer registers.
// spec: 3.1, 3.3
#include <stdio.h>

static void run(int e)
{
    switch (e) scope {
    case 0:
        puts("case 0");
        defer puts("first registered, runs last");
    case 4:
        defer puts("second registered, runs first");
        puts("body end");
    }
    puts("after");
}

int main(void)
{
    run(0);
    run(4);
    return 0;
}

//> case 0
//> body end
//> second registered, runs first
//> first registered, runs last
//> after
//> body end
//> second registered, runs first
//> after
