/* order_ts.c (model ts, TS 25755): defer from <stddefer.h> runs at the end
   of the enclosing block.  */
#include <stdio.h>
#include <stddefer.h>

int main(void)
{
    for (int i = 0; i < 2; i++) {
        defer printf("end of block %d\n", i);
        printf("block %d\n", i);
    }
    _Defer puts("main: last");
    puts("main: end of body");
    return 0;
}
