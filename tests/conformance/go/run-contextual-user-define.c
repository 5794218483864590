// A user #define of `defer` wins over the contextual keyword; after #undef
// the word is the contextual keyword again.
// spec: 2
#include <stdio.h>

static int deferred_count;

#define defer deferred_count

static void count(void)
{
  defer++;
  defer += 2;
}

#undef defer

static void use_keyword(void)
{
  defer puts("real defer ran");
  puts("use_keyword body");
}

int main(void)
{
  count();
  printf("deferred_count=%d\n", deferred_count);
  use_keyword();
  return 0;
}
//> deferred_count=3
//> use_keyword body
//> real defer ran
