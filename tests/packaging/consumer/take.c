/* take.c: <cdefer.h> through cdefer::headers, no defer needed.  */
#include <stdio.h>
#include <stdlib.h>
#include <cdefer.h>

int main(void)
{
    int *p = malloc(sizeof *p);
    int *q = cdefer_take(p);
    printf("take: %s\n", p == NULL && q != NULL ? "ok" : "wrong");
    free(q);
    return 0;
}
