/* SPDX-License-Identifier: GPL-3.0-or-later */
/* order.c - deferred bodies run last registered first, when their scope
   is left; `return` computes its value before they run.  */
#include <stdio.h>

static int counter(void)
{
    int n = 1;
    defer printf("  deferred 1 sees n=%d\n", n);
    defer { n = 100; printf("  deferred 2 sets n=%d\n", n); }
    n = 2;
    return n;       /* returns 2: deferred bodies cannot change it */
}

int main(void)
{
    printf("counter() returned %d\n", counter());
    scope {
        defer puts("scope: first registered, runs last");
        defer puts("scope: second registered, runs first");
        puts("scope: body");
    }
    defer puts("main: deferred bodies run before main returns");
    puts("main: end of body");
    return 0;
}
