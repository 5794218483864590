// Model ts: a block whose braces come from a macro is a defer scope like
// any other: its deferred block runs at the macro's closing brace, before
// the statement after the macro. Also with the braces and the defer in
// different macros, and with the defer in a macro argument.
// spec: 3.ts
// ts: 6.4p4
#include <stdio.h>

#define BLOCK { _Defer puts("d"); puts("in"); }
#define OPEN {
#define CLOSE }
#define WITH(stmts) { puts("with"); stmts }

int main(void)
{
  BLOCK
  puts("after block");
  OPEN _Defer puts("d2"); puts("in2"); CLOSE
  puts("after open-close");
  WITH(_Defer puts("d3"); puts("in3");)
  puts("after with");
  return 0;
}
//> in
//> d
//> after block
//> in2
//> d2
//> after open-close
//> with
//> in3
//> d3
//> after with
