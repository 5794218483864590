/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small program using defer/scope, for the mode tests.  */
#include <stdio.h>
#include <stdlib.h>

static int work(int n)
{
    char *p = malloc(16);
    if (!p)
        return -1;
    defer free(p);
    int total = 0;
    for (int i = 0; i < n; i++) scope {
        defer total += 10;
        if (i == 1)
            continue;
        total += i;
    }
    if (n > 2) defer printf("conditional defer\n");
    defer printf("total=%d\n", total);
    return ({ defer total = -1; total; });
}

int main(void)
{
    printf("work=%d\n", work(3));
    return 0;
}
