// Model ts with __attribute__((cleanup)): defers and cleanup variables of
// one block run in exact reverse order of declaration/registration (SPEC
// 5: exact LIFO), when that block is exited.
// requires: cleanup-attribute
// spec: 3.ts, 3.3
// ts: extension
#include <stdio.h>

static void done(const char **name)
{
  printf("cleanup %s\n", *name);
}

int main(void)
{
  {
    __attribute__((cleanup(done))) const char *a = "a";
    _Defer puts("defer 1");
    __attribute__((cleanup(done))) const char *b = "b";
    _Defer puts("defer 2");
    __attribute__((cleanup(done))) const char *c = "c";
    puts("block");
  }
  puts("after block");
  return 0;
}
//> block
//> cleanup c
//> defer 2
//> cleanup b
//> defer 1
//> cleanup a
//> after block
