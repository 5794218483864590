// defer-body-label (model ts): the deferred block of a defer statement may
// not be a labelled statement (TS 25755 grammar: an unlabeled statement).
// The error is at the defer keyword. "_Defer { L: ...; }" is fine (see
// ts-goto-inside-defer-body.c).
// spec: 2, 3.ts
// ts: 6.3p2
// rejects: line 12 (defer-body-label)
#include <stdio.h>

int main(void)
{
  _Defer again: puts("cleanup"); // expect-error: defer-body-label
  return 0;
}
