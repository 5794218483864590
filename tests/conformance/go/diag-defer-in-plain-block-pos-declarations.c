// defer-in-plain-block (positive): the bare block also holds declarations
// (a block used to limit the lifetime of `line`); the defer still belongs to
// the function body and runs when `report` returns (SPEC 3.1, SPEC section 4,
// defer-in-plain-block).  The deferred body uses only function-level names,
// so there is no escaping-capture.
// spec: defer-in-plain-block
#include <stdio.h>

static int total;

static void report(int n)
{
  puts("report");
  {
    char line[32];
    int doubled = n * 2;
    snprintf(line, sizeof line, "doubled %d", doubled);
    defer printf("total %d\n", total); // expect-warning: defer-in-plain-block
    total += doubled;
    puts(line);
  }
  total += 1;
  puts("end of report");
}

int main(void)
{
  report(5);
  return 0;
}
//> report
//> doubled 10
//> end of report
//> total 11
