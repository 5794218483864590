// TS 25755: a break in an inner loop leaves only the inner loop body (its
// defers run) and not the outer loop body, whose defers run at the end of
// each outer iteration; a goto out of both loops runs the inner body's,
// then the outer body's defers.
// spec: 3.ts, 3.3
// ts: 6.4p4
#include <stdio.h>

int main(void)
{
  for (int i = 0; i < 3; i++) {
    _Defer printf("outer end %d\n", i);
    for (int j = 0; j < 3; j++) {
      _Defer printf("  inner end %d.%d\n", i, j);
      if (j == 1)
        break;
      if (i == 2)
        goto done;
    }
  }
done:
  puts("done");
  return 0;
}
//>   inner end 0.0
//>   inner end 0.1
//> outer end 0
//>   inner end 1.0
//>   inner end 1.1
//> outer end 1
//>   inner end 2.0
//> outer end 2
//> done
