// computed-goto-out-of-scope (positive): the computed goto is in an inner
// scope without defers, but that inner scope is inside an outer scope that
// has a defer, and the target is outside the outer scope too.  The same
// holds for a computed goto in a statement expression with a defer.
// requires: computed-goto statement-expressions
// spec: computed-goto-out-of-scope
// rejects: line 19 (computed-goto-out-of-scope)
// rejects: line 22 (computed-goto-out-of-scope)
#include <stdio.h>

int main(int argc, char **argv)
{
  (void)argv;
  void *p = &&done;
  scope {
    defer puts("outer cleanup");
    scope {
      puts("inner");
      goto *p; // expect-error: computed-goto-out-of-scope
    }
  }
  int v = ({ defer puts("expr cleanup"); if (argc > 5) goto *p; 1; }); // expect-error: computed-goto-out-of-scope
  printf("%d\n", v);
done:
  puts("done");
  return 0;
}
