/* protect.c: libcdefer through cdefer::runtime (or pkg-config --libs): a
   panic runs the deferred bodies of the frames it unwinds, innermost
   first, up to cdefer_protect (the plugin, -fexceptions).  */
#include <stdio.h>
#include <cdefer.h>

static void inner(void *arg)
{
    defer puts("inner body");
    cdefer_panicf("failed %d", *(int *) arg);
}

static void outer(void *arg)
{
    defer puts("outer body");
    inner(arg);
}

int main(void)
{
    int n = 7;
    int rc = cdefer_protect(outer, &n);
    printf("protect %d: %s\n", rc, (char *) cdefer_panic_value());
    return 0;
}
