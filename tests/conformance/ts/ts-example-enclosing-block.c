// TS 25755 6.4 EXAMPLE 4: a defer statement is tied to the scope of its
// enclosing block, even a secondary block without braces: the defer that
// is the whole body of `if (true)` runs at once, before " says"; the one
// that is the whole body of a `for` runs at the end of each iteration.
// The draft's two programs, as two functions.
// spec: 3.ts
// ts: 6.3p1, 6.4p4, 6.4 example 4
#include <stddefer.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static void first(void)
{
  {
    defer {
      fputs(" meow", stdout);
    }
    if (true)
      defer fputs("cat", stdout);
    fputs(" says", stdout);
  }
  // "cat says meow" is printed to standard output
  putchar('\n');
}

static void second(void)
{
  const char *arr[] = {"cat", "kitty", "ferocious little baby"};
  defer {
    fputs(" meow\n", stdout);
  }
  for (unsigned int i = 0; i < 3; ++i)
    defer printf("my %s,\n", arr[i]);
  fputs("says", stdout);
}

int main(void)
{
  first();
  second();
  exit(0);
}
//> cat says meow
//> my cat,
//> my kitty,
//> my ferocious little baby,
//> says meow
