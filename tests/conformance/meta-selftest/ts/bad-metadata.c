/* SPDX-License-Identifier: GPL-3.0-or-later */
// Not a case: the input of ctest conformance-meta-selftest, which expects
// check-meta to find its four problems (an unknown SPEC section, an
// unknown TS paragraph, a marker with no rejects line, a rejects line with
// no marker) and to fail.
// spec: 3.9, jump-into-scope
// ts: 6.4p10
// rejects: line 15 (jump-into-scope)
#include <stdlib.h>

int main(void)
{
  void *p = malloc(1);
  switch (1) {
  _Defer free(p);
  default: // expect-error: jump-into-scope
    break;
  }
  return 0;
}
