// The exit status is main's return value, evaluated before main's deferred
// bodies run (which change the variable, but not the status).
// spec: 3.4
#include <stdio.h>

int main(void)
{
  int rc = 3;
  defer rc = 9;
  defer printf("deferred sees rc=%d\n", rc);
  return rc;
}
//> deferred sees rc=3
// expect-exit: 3
