// LIFO order: three defers in a function body run last-registered-first
// when control falls off the end of the function, after the body's own
// statements and before the caller continues.
// spec: 3.3
#include <stdio.h>

static void f(void)
{
  defer puts("first registered");
  defer puts("second registered");
  defer puts("third registered");
  puts("body");
}

int main(void)
{
  puts("before f");
  f();
  puts("after f");
  return 0;
}
//> before f
//> body
//> third registered
//> second registered
//> first registered
//> after f
