// An `asm goto` that jumps forward past a defer to a label in the same
// defer scope skips the registration: the deferred body must not run at
// the end of the scope (SPEC 3.7: a label reachable from before a defer
// makes the registration conditional).  The same asm goto with a template
// that does not jump lets the defer register.  In a `scope` and in the
// function body.  (The front end once ran the unregistered body.)
// requires: asm-goto
// spec: 3.7
#include <stdio.h>

#if defined(__x86_64__) || defined(__i386__)
#define JUMP_TO_OUT __asm__ goto ("jmp %l0" : : : : out)
#else
#define JUMP_TO_OUT goto out    /* same expected output elsewhere */
#endif

static void in_scope(int jump)
{
  scope {
    if (jump)
      JUMP_TO_OUT;
    else
      __asm__ goto ("" : : : : out);
    defer puts("scope: deferred");
  out:
    puts("scope: at the label");
  }
  puts("scope: after");
}

static int in_function(int jump)
{
  if (jump)
    JUMP_TO_OUT;
  defer puts("function: deferred");
out:
  puts("function: at the label");
  return jump;
}

int main(void)
{
  in_scope(1);
  in_scope(0);
  printf("returned %d\n", in_function(1));
  printf("returned %d\n", in_function(0));
  return 0;
}
//> scope: at the label
//> scope: after
//> scope: at the label
//> scope: deferred
//> scope: after
//> function: at the label
//> returned 1
//> function: at the label
//> function: deferred
//> returned 0
