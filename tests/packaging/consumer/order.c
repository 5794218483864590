/* order.c (model go): deferred bodies run last registered first when their
   scope is left; return computes its value first.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cdefer.h>

static char *dup_word(const char *w)
{
    char *buf = malloc(strlen(w) + 1);
    if (!buf)
        return NULL;
    defer free(buf);                 /* freed unless handed out */
    strcpy(buf, w);
    return cdefer_take(buf);
}

static int counter(void)
{
    int n = 1;
    defer printf("deferred 1 sees n=%d\n", n);
    defer { n = 100; printf("deferred 2 sets n=%d\n", n); }
    n = 2;
    return n;
}

int main(void)
{
    printf("counter() returned %d\n", counter());
    for (int i = 0; i < 2; i++) scope {
        defer printf("end of iteration %d\n", i);
        printf("iteration %d\n", i);
    }
    char *w = dup_word("taken");
    defer free(w);
    printf("word: %s\n", w);
    defer puts("main: last");
    puts("main: end of body");
    return 0;
}
