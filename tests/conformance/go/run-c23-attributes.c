// C23 attribute specifiers in a function that uses defer: standard ones on
// declarations ([[maybe_unused]]) and statements ([[fallthrough]]), and
// the vendor form [[gnu::cleanup(f)]], whose variables interleave with
// the deferred bodies in exact LIFO order (SPEC section 5), wherever the
// specifier stands (before the declaration or after the declarator).
// `[[maybe_unused]] defer ...` is a defer; GCC warns that the attribute is
// ignored there (it appertains to the statement), with the plugin as with
// the lowering.
// requires: c23-attributes cleanup-attribute
// warnings-allowed: attributes
// spec: 2, 3.3
#include <stdio.h>

static void done(int *p)
{
  printf("cleanup %d\n", *p);
}

[[maybe_unused]] static int unused_global;

[[nodiscard]] static int twice(int x)
{
  return 2 * x;
}

int main(void)
{
  [[gnu::cleanup(done)]] int a = 1;
  defer puts("defer 1");
  int b [[gnu::cleanup(done)]] = 2;
  [[maybe_unused]] defer puts("defer 2");
  int c [[maybe_unused]] = twice(1), d [[__gnu__::__cleanup__(done)]] = 3;
  switch (c) {
  case 2:
    puts("two");
    [[fallthrough]];
  default:
    puts("default");
  }
  return 0;
}
//> two
//> default
//> cleanup 3
//> defer 2
//> cleanup 2
//> defer 1
//> cleanup 1
