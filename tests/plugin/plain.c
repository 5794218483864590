/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No defer, no scope: the plugin must leave the object file unchanged.  */
#include <stdio.h>
#include <string.h>
struct defer { int scope; };
static int defer(int x) { return x + 1; }
int scope = 3;
int main(int argc, char **argv)
{
    struct defer d = { defer(argc) };
    char buf[64];
    strncpy(buf, argc > 1 ? argv[1] : "none", sizeof buf - 1);
    buf[63] = 0;
    for (int i = 0; i < argc; i++)
        d.scope += (int) strlen(argv[i]);
    printf("%s %d %d\n", buf, d.scope, scope);
    return 0;
}
